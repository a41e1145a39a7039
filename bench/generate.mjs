#!/usr/bin/env node
// Fills a 湘农网 database with a realistic marketplace: seller organisations across Hunan's counties,
// one owner each, and listings in the five channels. For benchmarks only.
//
//   DATABASE_URL=postgresql://… node bench/generate.mjs [--listings 100000] [--orgs 2000] [--seed 2026] [--force]
//
// The database must already be migrated and hold the reference data (counties, channels, categories):
// start the API against it once. Every generated row has is_demo = false, like real sellers' data.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';

const REFERENCE_DIR = new URL('../apps/api/reference-data/', import.meta.url);
const BATCH = 1000;
const DAY_MS = 86_400_000;

/** @typedef {{ code: string, name: string, short: string, prefectureCode: string, prefectureName: string, divisionType: string, poverty: boolean }} County */
/** @typedef {Record<string, string | number>} Attributes */
/** @typedef {{ unit: string, price: [number, number], moq: number[], stock: [number, number], spec?: string[] }} UnitOption */
/**
 * A kind of product a seller offers.
 * @typedef {object} Product
 * @property {string} category category slug within the channel
 * @property {string[]} names product names, e.g. 冰糖橙
 * @property {string[]} [counties] for famous local products: the counties they come from
 * @property {string} [brand] for famous local products: the full name used in titles, e.g. 麻阳冰糖橙
 * @property {string[]} quals title qualifiers
 * @property {UnitOption[]} units
 * @property {(r: Rng, name: string) => Attributes} attrs attributes that satisfy the channel's schema
 * @property {string[]} [certs] certifications that are likely for this product
 */

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

class Rng {
  /** @param {number} seed */
  constructor(seed) {
    this.state = seed >>> 0;
  }
  /** mulberry32: uniform in [0, 1) */
  next() {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** @param {number} min @param {number} max inclusive */
  int(min, max) {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  /** @template T @param {readonly T[]} items @returns {T} */
  pick(items) {
    return /** @type {T} */ (items[Math.floor(this.next() * items.length)]);
  }
  /** @param {number} p */
  chance(p) {
    return this.next() < p;
  }
  /** @template T @param {readonly [T, number][]} weighted @returns {T} */
  weighted(weighted) {
    let total = 0;
    for (const [, w] of weighted) total += w;
    let x = this.next() * total;
    for (const [item, w] of weighted) {
      x -= w;
      if (x < 0) return item;
    }
    return /** @type {[T, number]} */ (weighted[weighted.length - 1])[0];
  }
}

/** Weighted sampling of many draws from a fixed list: cumulative sums and binary search. */
class Sampler {
  /** @param {number[]} weights */
  constructor(weights) {
    this.cumulative = [];
    let total = 0;
    for (const w of weights) this.cumulative.push((total += w));
    this.total = total;
  }
  /** @param {Rng} rng index of the drawn item */
  draw(rng) {
    const x = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (/** @type {number} */ (this.cumulative[mid]) > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

// ---------------------------------------------------------------------------------------------
// Reference data

/** @param {string} name */
function csvRows(name) {
  const [header, ...lines] = readFileSync(new URL(name, REFERENCE_DIR), 'utf8').trim().split(/\r?\n/);
  const keys = /** @type {string} */ (header).split(',');
  // Only the leading, unquoted columns are read, so a plain split is enough.
  return lines.map((line) => Object.fromEntries(line.split(',').slice(0, keys.length).map((v, i) => [keys[i], v])));
}

/** 麻阳苗族自治县 → 麻阳, 浏阳市 → 浏阳; one-character stems (南县, 澧县, 道县) keep their suffix. */
function shortName(/** @type {string} */ name) {
  const stem = name.replace(/(苗族侗族自治县|土家族苗族自治州|侗族自治县|瑶族自治县|苗族自治县|自治县|县|市|区)$/, '');
  return stem.length >= 2 ? stem : name;
}

/** @returns {County[]} */
function loadCounties() {
  const poverty = new Set(csvRows('hunan-poverty-counties.csv').map((r) => r.code).filter(Boolean));
  return csvRows('hunan-counties.csv').map((r) => ({
    code: String(r.code),
    name: String(r.name),
    short: shortName(String(r.name)),
    prefectureCode: String(r.prefecture_code),
    prefectureName: String(r.prefecture_name),
    divisionType: String(r.division_type),
    poverty: poverty.has(r.code),
  }));
}

// ---------------------------------------------------------------------------------------------
// What Hunan sells: products per channel, with realistic units and prices in fen

const NOW = Date.now();
const YEAR = new Date(NOW).getUTCFullYear();

/** A date within the last `days` days, as YYYY-MM-DD. @param {Rng} r @param {number} days */
function recentDate(r, days) {
  return new Date(NOW - r.int(1, days) * DAY_MS).toISOString().slice(0, 10);
}

/** @param {Rng} r @param {number} min @param {number} max one decimal */
function decimal(r, min, max) {
  return Math.round((min + r.next() * (max - min)) * 10) / 10;
}

const RICE_VARIETIES = ['黄华占', '农香32', '玉针香', '湘晚籼13号', '桃优香占', '野香优莉丝', '泰优390', '晶两优华占'];
/** @param {string} form @returns {(r: Rng, name: string) => Attributes} */
const riceAttrs = (form) => (r) => {
  /** @type {Attributes} */
  const a = { variety: r.pick(RICE_VARIETIES), form, harvestYear: r.chance(0.8) ? YEAR : YEAR - 1 };
  if (r.chance(0.7)) a.grade = r.pick(['1', '1', '2', '2', '3', '4']);
  return a;
};
const RICE_UNITS = /** @type {UnitOption[]} */ ([
  { unit: 'JIN', price: [290, 780], moq: [1, 10, 50, 100], stock: [2000, 200000] },
  { unit: 'KG', price: [560, 1500], moq: [5, 10, 25, 100], stock: [1000, 100000] },
  { unit: 'BAG', price: [2990, 9800], moq: [1, 5, 10, 50], stock: [200, 20000], spec: ['5 公斤装', '10 公斤装', '25 公斤编织袋'] },
  { unit: 'TONNE', price: [420000, 760000], moq: [1, 5, 10], stock: [10, 2000] },
]);

/** @type {Record<string, Product[]>} */
const PRODUCTS = {
  rice: [
    { category: 'selenium-rice', brand: '桃源富硒米', names: ['富硒米'], counties: ['430725'], quals: ['一级', '新米', '当季新米', '真空包装', '产地直供'], units: RICE_UNITS, attrs: riceAttrs('milled'), certs: ['SELENIUM_RICH', 'GEO_INDICATION'] },
    { category: 'indica', brand: '南县稻虾米', names: ['稻虾米'], counties: ['430921'], quals: ['生态种养', '新米', '一级', '长粒香'], units: RICE_UNITS, attrs: riceAttrs('milled'), certs: ['GREEN_FOOD', 'GEO_INDICATION'] },
    { category: 'indica', brand: '常德香米', names: ['香米'], counties: ['430703', '430702', '430723', '430722'], quals: ['一级', '新米', '晚稻', '农家'], units: RICE_UNITS, attrs: riceAttrs('milled'), certs: ['GREEN_FOOD'] },
    { category: 'indica', brand: '溆浦红米', names: ['红米'], counties: ['431224'], quals: ['糙米', '农家', '新米'], units: RICE_UNITS, attrs: riceAttrs('milled') },
    { category: 'indica', names: ['大米', '香米', '籼米', '丝苗米', '晚稻米', '农家米'], quals: ['一级', '二级', '新米', '当季新米', '精选', '产地直供', '批发'], units: RICE_UNITS, attrs: riceAttrs('milled'), certs: ['GREEN_FOOD', 'POLLUTION_FREE'] },
    { category: 'japonica', names: ['粳米', '珍珠米', '圆粒米'], quals: ['一级', '新米', '精选'], units: RICE_UNITS, attrs: riceAttrs('milled') },
    { category: 'glutinous', names: ['糯米', '长粒糯米', '圆糯米'], quals: ['农家', '新米', '包粽子', '酿酒用'], units: RICE_UNITS, attrs: riceAttrs('milled') },
    {
      category: 'paddy', names: ['稻谷', '优质稻谷', '早稻谷', '晚稻谷'], quals: ['散装', '烘干', '收购', '批发'],
      units: [
        { unit: 'JIN', price: [130, 185], moq: [1000, 5000, 10000], stock: [50000, 2000000] },
        { unit: 'TONNE', price: [260000, 370000], moq: [5, 10, 30], stock: [50, 5000] },
        { unit: 'DAN', price: [6500, 9200], moq: [20, 50, 100], stock: [500, 40000] },
      ],
      attrs: riceAttrs('paddy'),
    },
    { category: 'selenium-rice', names: ['富硒米', '富硒香米'], quals: ['一级', '新米', '礼盒装'], units: RICE_UNITS, attrs: riceAttrs('milled'), certs: ['SELENIUM_RICH'] },
  ],
  hog: (() => {
    /** @param {string} breed @param {boolean} live @returns {(r: Rng, name: string) => Attributes} */
    const hogAttrs = (breed, live) => (r) => {
      /** @type {Attributes} */
      const a = { breed };
      if (live) {
        a.liveWeightBand = r.pick(['lt90', '90-110', '110-130', '110-130', 'gt130']);
        a.headCount = r.int(5, 800);
      }
      if (r.chance(0.6)) a.quarantineCertificate = `${r.int(430000, 433199)}${YEAR}-${String(r.int(1, 9999)).padStart(4, '0')}`;
      return a;
    };
    const live = /** @type {UnitOption[]} */ ([
      { unit: 'HEAD', price: [240000, 460000], moq: [1, 5, 10, 20], stock: [10, 800] },
      { unit: 'KG', price: [1300, 2200], moq: [100, 500, 1000], stock: [1000, 80000] },
    ]);
    const piglet = /** @type {UnitOption[]} */ ([{ unit: 'HEAD', price: [35000, 95000], moq: [1, 5, 10, 20], stock: [10, 600] }]);
    const pork = /** @type {UnitOption[]} */ ([
      { unit: 'JIN', price: [1500, 3800], moq: [1, 5, 10, 50], stock: [100, 20000] },
      { unit: 'KG', price: [3000, 7600], moq: [1, 5, 20], stock: [100, 10000] },
      { unit: 'BOX', price: [12800, 39800], moq: [1, 2, 10], stock: [20, 3000], spec: ['礼盒 5 斤', '冷鲜礼盒'] },
    ]);
    const cured = /** @type {UnitOption[]} */ ([
      { unit: 'JIN', price: [4200, 9800], moq: [1, 2, 5, 10], stock: [50, 8000] },
      { unit: 'BOX', price: [16800, 48800], moq: [1, 2, 10], stock: [20, 3000], spec: ['礼盒装', '2.5 公斤礼盒'] },
      { unit: 'BAG', price: [3900, 9900], moq: [1, 5, 10], stock: [50, 5000], spec: ['500 克真空袋'] },
    ]);
    /** @type {Product[]} */
    const list = [
      { category: 'live-hog', brand: '宁乡花猪', names: ['花猪'], counties: ['430182'], quals: ['生猪', '出栏', '生态散养'], units: live, attrs: hogAttrs('宁乡花猪', true), certs: ['GEO_INDICATION'] },
      { category: 'pork', brand: '宁乡花猪肉', names: ['花猪肉'], counties: ['430182'], quals: ['五花肉', '前腿肉', '冷鲜'], units: pork, attrs: hogAttrs('宁乡花猪', false), certs: ['GEO_INDICATION'] },
      { category: 'live-hog', brand: '沙子岭猪', names: ['沙子岭猪'], counties: ['430321'], quals: ['生猪', '地方品种', '出栏'], units: live, attrs: hogAttrs('沙子岭猪', true), certs: ['GEO_INDICATION'] },
      { category: 'live-hog', brand: '大围子猪', names: ['大围子猪'], counties: ['430121'], quals: ['生猪', '地方品种'], units: live, attrs: hogAttrs('大围子猪', true) },
      { category: 'live-hog', brand: '湘西黑猪', names: ['黑猪'], counties: ['433130', '433127', '433101', '433124'], quals: ['生猪', '山地散养', '出栏'], units: live, attrs: hogAttrs('湘西黑猪', true) },
      { category: 'cured-pork', brand: '湘西腊肉', names: ['腊肉'], counties: ['433127', '433130', '433123', '433125', '433126'], quals: ['柴火烟熏', '农家', '五花腊肉', '后腿腊肉'], units: cured, attrs: hogAttrs('湘西黑猪', false), certs: ['GEO_INDICATION'] },
      { category: 'live-hog', brand: '桃源黑猪', names: ['黑猪'], counties: ['430725'], quals: ['生猪', '出栏'], units: live, attrs: hogAttrs('桃源黑猪', true) },
      { category: 'live-hog', names: ['生猪', '土猪', '三元猪', '外三元生猪', '黑毛猪'], quals: ['出栏', '规模养殖', '现货', '批量供应'], units: live, attrs: (r) => hogAttrs(r.pick(['杜长大', '长白猪', '大约克', '湘村黑猪', '杜洛克']), true)(r, '') },
      { category: 'piglet', names: ['仔猪', '苗猪', '断奶仔猪'], quals: ['15 公斤左右', '20 公斤左右', '防疫齐全', '批量供应'], units: piglet, attrs: (r) => hogAttrs(r.pick(['杜长大', '长白猪', '宁乡花猪', '湘村黑猪']), true)(r, '') },
      { category: 'pork', names: ['土猪肉', '黑猪肉', '猪五花', '猪前腿', '猪排骨'], quals: ['冷鲜', '当天屠宰', '分割', '产地直供'], units: pork, attrs: (r) => hogAttrs(r.pick(['杜长大', '湘村黑猪', '土猪']), false)(r, '') },
      { category: 'cured-pork', names: ['腊肉', '烟熏腊肉', '腊香肠', '腊猪脚'], quals: ['柴火烟熏', '农家', '年货'], units: cured, attrs: (r) => hogAttrs(r.pick(['土猪', '湘村黑猪', '杜长大']), false)(r, '') },
    ];
    return list;
  })(),
  fruit: (() => {
    /** @param {string[]} varieties @param {boolean} sized @param {number} lo @param {number} hi @returns {(r: Rng, name: string) => Attributes} */
    const fruitAttrs = (varieties, sized, lo, hi) => (r) => {
      /** @type {Attributes} */
      const a = { variety: r.pick(varieties) };
      if (sized && r.chance(0.8)) a.sizeGrade = r.pick(['60-65', '65-70', '65-70', '70-75', '70-75', '75-80', 'gt80']);
      if (r.chance(0.7)) a.brix = decimal(r, lo, hi);
      if (r.chance(0.6)) a.pickingDate = recentDate(r, 60);
      return a;
    };
    const citrusUnits = /** @type {UnitOption[]} */ ([
      { unit: 'JIN', price: [250, 780], moq: [50, 100, 500, 1000], stock: [5000, 300000] },
      { unit: 'KG', price: [500, 1500], moq: [25, 100, 500], stock: [2000, 150000] },
      { unit: 'BOX', price: [3800, 12800], moq: [1, 10, 50, 100], stock: [100, 20000], spec: ['10 斤装', '5 斤礼盒', '15 斤装'] },
      { unit: 'TONNE', price: [350000, 900000], moq: [1, 5, 10], stock: [5, 500] },
    ]);
    const kiwiUnits = /** @type {UnitOption[]} */ ([
      { unit: 'JIN', price: [500, 1600], moq: [20, 50, 100], stock: [2000, 80000] },
      { unit: 'BOX', price: [4800, 13800], moq: [1, 10, 50], stock: [100, 10000], spec: ['30 枚装', '5 斤礼盒', '精品箱'] },
    ]);
    const bayberryUnits = /** @type {UnitOption[]} */ ([
      { unit: 'JIN', price: [1000, 3200], moq: [5, 10, 50], stock: [500, 30000] },
      { unit: 'BOX', price: [6800, 19800], moq: [1, 5, 20], stock: [50, 5000], spec: ['5 斤泡沫箱', '冷链礼盒'] },
    ]);
    const otherUnits = /** @type {UnitOption[]} */ ([
      { unit: 'JIN', price: [400, 2500], moq: [10, 50, 100], stock: [1000, 50000] },
      { unit: 'BOX', price: [3900, 16800], moq: [1, 10, 50], stock: [50, 8000], spec: ['5 斤装', '10 斤装', '精品礼盒'] },
    ]);
    const citrus = ['冰糖橙', '冰糖橙', '椪柑', '温州蜜橘', '沃柑', '砂糖橘'];
    /** @type {Product[]} */
    const list = [
      { category: 'citrus', brand: '麻阳冰糖橙', names: ['冰糖橙'], counties: ['431226'], quals: ['产地直发', '70-75 毫米', '精选大果', '现摘现发'], units: citrusUnits, attrs: fruitAttrs(['冰糖橙'], true, 13, 17), certs: ['GEO_INDICATION', 'GREEN_FOOD'] },
      { category: 'citrus', brand: '黔阳冰糖橙', names: ['冰糖橙'], counties: ['431281'], quals: ['产地直发', '精选', '现摘现发', '65-70 毫米'], units: citrusUnits, attrs: fruitAttrs(['冰糖橙'], true, 13, 17), certs: ['GEO_INDICATION'] },
      { category: 'citrus', brand: '永兴冰糖橙', names: ['冰糖橙'], counties: ['431023'], quals: ['产地直发', '精选', '一级果'], units: citrusUnits, attrs: fruitAttrs(['冰糖橙'], true, 12, 16), certs: ['GEO_INDICATION'] },
      { category: 'navel-orange', brand: '崀山脐橙', names: ['脐橙'], counties: ['430528'], quals: ['纽荷尔', '产地直发', '75-80 毫米'], units: citrusUnits, attrs: fruitAttrs(['纽荷尔脐橙', '伦晚脐橙'], true, 11, 15), certs: ['GEO_INDICATION'] },
      { category: 'navel-orange', brand: '宜章脐橙', names: ['脐橙'], counties: ['431022'], quals: ['纽荷尔', '精选', '现摘'], units: citrusUnits, attrs: fruitAttrs(['纽荷尔脐橙'], true, 11, 15) },
      { category: 'navel-orange', brand: '道县脐橙', names: ['脐橙'], counties: ['431124'], quals: ['纽荷尔', '产地直发'], units: citrusUnits, attrs: fruitAttrs(['纽荷尔脐橙', '红肉脐橙'], true, 11, 15), certs: ['GEO_INDICATION'] },
      { category: 'navel-orange', brand: '永州脐橙', names: ['脐橙'], counties: ['431126', '431127', '431128', '431103', '431102'], quals: ['纽荷尔', '产地直发', '精选大果'], units: citrusUnits, attrs: fruitAttrs(['纽荷尔脐橙', '伦晚脐橙'], true, 11, 15) },
      { category: 'kiwifruit', brand: '湘西猕猴桃', names: ['猕猴桃'], counties: ['433123', '433124', '433101', '433122', '433127'], quals: ['米良一号', '精品箱', '红心', '产地直发'], units: kiwiUnits, attrs: fruitAttrs(['米良一号', '红阳', '翠香', '徐香'], false, 14, 19), certs: ['GEO_INDICATION'] },
      { category: 'other-fruit', brand: '炎陵黄桃', names: ['黄桃'], counties: ['430225'], quals: ['锦绣黄桃', '现摘', '礼盒'], units: otherUnits, attrs: fruitAttrs(['锦绣黄桃'], false, 12, 16), certs: ['GEO_INDICATION'] },
      { category: 'yangmei', brand: '靖州杨梅', names: ['杨梅'], counties: ['431229'], quals: ['木洞杨梅', '现摘', '冷链直发'], units: bayberryUnits, attrs: fruitAttrs(['木洞杨梅', '东魁杨梅', '荸荠种'], false, 10, 13), certs: ['GEO_INDICATION'] },
      { category: 'citrus', brand: '石门柑橘', names: ['柑橘'], counties: ['430726'], quals: ['早熟蜜橘', '产地直发'], units: citrusUnits, attrs: fruitAttrs(['温州蜜橘', '椪柑'], true, 10, 14), certs: ['GEO_INDICATION'] },
      { category: 'other-fruit', brand: '江永香柚', names: ['香柚'], counties: ['431125'], quals: ['产地直发', '精品'], units: otherUnits, attrs: fruitAttrs(['江永香柚'], false, 10, 13), certs: ['GEO_INDICATION'] },
      { category: 'citrus', names: ['冰糖橙', '椪柑', '蜜橘', '沃柑', '砂糖橘', '柑橘'], quals: ['产地直发', '现摘现发', '精选', '批发', '一级果'], units: citrusUnits, attrs: fruitAttrs(citrus, true, 10, 16), certs: ['GREEN_FOOD', 'POLLUTION_FREE'] },
      { category: 'navel-orange', names: ['脐橙', '红肉脐橙'], quals: ['纽荷尔', '精选', '批发'], units: citrusUnits, attrs: fruitAttrs(['纽荷尔脐橙', '红肉脐橙', '伦晚脐橙'], true, 11, 15) },
      { category: 'kiwifruit', names: ['猕猴桃', '红心猕猴桃'], quals: ['精品箱', '现摘', '批发'], units: kiwiUnits, attrs: fruitAttrs(['红阳', '米良一号', '翠香'], false, 14, 19) },
      { category: 'yangmei', names: ['杨梅', '东魁杨梅'], quals: ['现摘', '冷链直发'], units: bayberryUnits, attrs: fruitAttrs(['东魁杨梅', '荸荠种'], false, 10, 13) },
      { category: 'other-fruit', names: ['黄桃', '翠冠梨', '阳光玫瑰葡萄', '蓝莓', '柚子', '枇杷'], quals: ['现摘', '产地直发', '精品', '批发'], units: otherUnits, attrs: (r) => fruitAttrs(['锦绣黄桃', '翠冠梨', '阳光玫瑰', '兔眼蓝莓', '沙田柚'], false, 10, 20)(r, '') },
    ];
    return list;
  })(),
  oil: (() => {
    /** @param {string[]} types @param {string[]} methods @returns {(r: Rng, name: string) => Attributes} */
    const oilAttrs = (types, methods) => (r) => {
      /** @type {Attributes} */
      const a = { oilType: r.pick(types), pressingMethod: r.pick(methods) };
      if (r.chance(0.6)) a.acidValue = decimal(r, 0.2, 2.5);
      if (r.chance(0.6)) a.productionDate = recentDate(r, 300);
      return a;
    };
    const camellia = /** @type {UnitOption[]} */ ([
      { unit: 'JIN', price: [6000, 14800], moq: [1, 5, 10, 50], stock: [100, 20000] },
      { unit: 'BOTTLE', price: [29800, 68800], moq: [1, 2, 10], stock: [50, 5000], spec: ['5 升装', '2.5 升装', '1 升礼盒'] },
      { unit: 'KG', price: [12000, 29600], moq: [1, 10, 50], stock: [100, 10000] },
      { unit: 'TONNE', price: [9000000, 16000000], moq: [1], stock: [1, 50] },
    ]);
    const rapeseed = /** @type {UnitOption[]} */ ([
      { unit: 'BOTTLE', price: [5800, 16800], moq: [1, 5, 20], stock: [100, 10000], spec: ['5 升装', '4 升装'] },
      { unit: 'JIN', price: [1200, 2600], moq: [5, 10, 100], stock: [500, 50000] },
      { unit: 'TONNE', price: [1050000, 1600000], moq: [1, 5], stock: [5, 200] },
    ]);
    const seed = /** @type {UnitOption[]} */ ([
      { unit: 'JIN', price: [700, 1400], moq: [100, 500, 1000], stock: [2000, 100000] },
      { unit: 'TONNE', price: [1300000, 2600000], moq: [1, 5, 10], stock: [5, 300] },
    ]);
    const tea = ['camellia'];
    /** @type {Product[]} */
    const list = [
      { category: 'camellia-oil', brand: '邵阳茶油', names: ['茶油'], counties: ['430523'], quals: ['冷榨', '冷榨一级', '物理压榨', '5 升装'], units: camellia, attrs: oilAttrs(tea, ['cold', 'cold', 'hot']), certs: ['GEO_INDICATION'] },
      { category: 'camellia-oil', brand: '常宁茶油', names: ['茶油'], counties: ['430482'], quals: ['冷榨', '一级', '农家'], units: camellia, attrs: oilAttrs(tea, ['cold', 'hot']), certs: ['GEO_INDICATION'] },
      { category: 'camellia-oil', brand: '浏阳茶油', names: ['茶油'], counties: ['430181'], quals: ['冷榨', '压榨一级'], units: camellia, attrs: oilAttrs(tea, ['cold', 'hot']) },
      { category: 'camellia-oil', brand: '攸县山茶油', names: ['山茶油'], counties: ['430223'], quals: ['冷榨', '农家', '野生'], units: camellia, attrs: oilAttrs(tea, ['cold', 'hot']), certs: ['GEO_INDICATION'] },
      { category: 'camellia-oil', brand: '耒阳茶油', names: ['茶油'], counties: ['430481'], quals: ['冷榨', '一级'], units: camellia, attrs: oilAttrs(tea, ['cold', 'hot']) },
      { category: 'camellia-oil', brand: '衡阳茶油', names: ['茶油'], counties: ['430421', '430422', '430424', '430426'], quals: ['冷榨', '一级', '压榨'], units: camellia, attrs: oilAttrs(tea, ['cold', 'hot']) },
      { category: 'rapeseed-oil', brand: '安乡菜籽油', names: ['菜籽油'], counties: ['430721'], quals: ['小榨', '浓香', '压榨'], units: rapeseed, attrs: oilAttrs(['rapeseed'], ['hot', 'cold']) },
      { category: 'rapeseed-oil', brand: '华容菜籽油', names: ['菜籽油'], counties: ['430623'], quals: ['压榨', '非转基因'], units: rapeseed, attrs: oilAttrs(['rapeseed'], ['hot', 'leached']) },
      { category: 'camellia-oil', names: ['茶油', '山茶油', '野山茶油', '茶籽油'], quals: ['冷榨', '压榨一级', '农家自榨', '礼盒装', '批发'], units: camellia, attrs: oilAttrs(tea, ['cold', 'cold', 'hot']), certs: ['ORGANIC', 'GREEN_FOOD'] },
      { category: 'rapeseed-oil', names: ['菜籽油', '压榨菜籽油', '浓香菜籽油'], quals: ['小榨', '农家', '批发'], units: rapeseed, attrs: oilAttrs(['rapeseed'], ['hot', 'leached']) },
      { category: 'camellia-seed', names: ['油茶籽', '茶籽', '油茶果'], quals: ['晒干', '新籽', '收购', '批发'], units: seed, attrs: oilAttrs(tea, ['cold', 'hot']) },
      { category: 'other-oil', names: ['花生油', '芝麻油', '小磨香油'], quals: ['压榨', '农家', '浓香'], units: rapeseed, attrs: oilAttrs(['peanut', 'sesame'], ['hot', 'cold']) },
    ];
    return list;
  })(),
  tea: (() => {
    const seasons = ['mingqian', 'yuqian', 'summer', 'autumn'];
    /** @param {string} teaType @param {string[]} grades @returns {(r: Rng, name: string) => Attributes} */
    const teaAttrs = (teaType, grades) => (r) => {
      /** @type {Attributes} */
      const a = { teaType, productionYear: teaType === 'dark' ? r.int(YEAR - 8, YEAR) : r.chance(0.8) ? YEAR : YEAR - 1 };
      if (r.chance(0.7)) a.harvestSeason = teaType === 'green' || teaType === 'yellow' ? r.pick(['mingqian', 'mingqian', 'yuqian']) : r.pick(seasons);
      if (r.chance(0.7)) a.grade = r.pick(grades);
      return a;
    };
    const bud = ['single-bud', 'one-bud-one-leaf', 'one-bud-one-leaf', 'one-bud-two-leaves'];
    const dark = /** @type {UnitOption[]} */ ([
      { unit: 'KG', price: [8000, 58000], moq: [1, 5, 20], stock: [50, 5000] },
      { unit: 'BOX', price: [6800, 29800], moq: [1, 5, 20], stock: [50, 3000], spec: ['1 公斤茯砖', '500 克天尖', '礼盒'] },
      { unit: 'PIECE', price: [48000, 280000], moq: [1, 2], stock: [5, 300], spec: ['千两茶 36.25 公斤', '百两茶 3.625 公斤', '十两茶'] },
    ]);
    const fine = /** @type {UnitOption[]} */ ([
      { unit: 'JIN', price: [16000, 128000], moq: [1, 2, 5], stock: [10, 2000] },
      { unit: 'CASE', price: [6800, 36800], moq: [1, 5, 10], stock: [20, 3000], spec: ['250 克礼盒', '罐装 125 克'] },
      { unit: 'G', price: [60, 600], moq: [100, 250, 500], stock: [5000, 500000] },
    ]);
    const black = /** @type {UnitOption[]} */ ([
      { unit: 'JIN', price: [12000, 68000], moq: [1, 2, 5], stock: [10, 3000] },
      { unit: 'CASE', price: [5800, 26800], moq: [1, 5, 10], stock: [20, 3000], spec: ['250 克礼盒', '罐装'] },
    ]);
    const fresh = /** @type {UnitOption[]} */ ([
      { unit: 'JIN', price: [1500, 9000], moq: [50, 100, 500], stock: [500, 20000] },
      { unit: 'KG', price: [3000, 18000], moq: [25, 50, 250], stock: [250, 10000] },
    ]);
    /** @type {Product[]} */
    const list = [
      { category: 'dark-tea', brand: '安化黑茶', names: ['黑茶'], counties: ['430923'], quals: ['千两茶', '天尖', '茯砖', '花卷', '黑砖', '金花茯茶'], units: dark, attrs: teaAttrs('dark', ['standard', 'standard', 'one-bud-one-leaf', 'one-bud-two-leaves']), certs: ['GEO_INDICATION'] },
      { category: 'green-tea', brand: '古丈毛尖', names: ['毛尖'], counties: ['433126'], quals: ['明前', '一芽一叶', '特级', '雨前'], units: fine, attrs: teaAttrs('green', bud), certs: ['GEO_INDICATION', 'ORGANIC'] },
      { category: 'green-tea', brand: '保靖黄金茶', names: ['黄金茶'], counties: ['433125'], quals: ['明前', '特级', '一芽一叶', '黄金茶1号'], units: fine, attrs: teaAttrs('green', bud), certs: ['GEO_INDICATION'] },
      { category: 'yellow-tea', brand: '君山银针', names: ['银针'], counties: ['430611'], quals: ['单芽', '特级', '明前', '礼盒'], units: fine, attrs: teaAttrs('yellow', ['single-bud']), certs: ['GEO_INDICATION'] },
      { category: 'yellow-tea', brand: '岳阳黄茶', names: ['黄茶'], counties: ['430621', '430602', '430681'], quals: ['北港毛尖', '一级', '明前'], units: fine, attrs: teaAttrs('yellow', bud), certs: ['GEO_INDICATION'] },
      { category: 'green-tea', brand: '碣滩茶', names: ['碣滩茶'], counties: ['431222'], quals: ['明前', '特级', '一芽一叶'], units: fine, attrs: teaAttrs('green', bud), certs: ['GEO_INDICATION'] },
      { category: 'green-tea', brand: '石门银峰', names: ['银峰'], counties: ['430726'], quals: ['明前', '特级'], units: fine, attrs: teaAttrs('green', bud), certs: ['GEO_INDICATION'] },
      { category: 'black-tea', brand: '桃源红茶', names: ['红茶'], counties: ['430725'], quals: ['工夫红茶', '一级', '大叶种'], units: black, attrs: teaAttrs('black', bud), certs: ['GEO_INDICATION'] },
      { category: 'green-tea', brand: '汝城白毛茶', names: ['白毛茶'], counties: ['431026'], quals: ['明前', '一芽一叶'], units: fine, attrs: teaAttrs('green', bud) },
      { category: 'black-tea', brand: '江华苦茶', names: ['苦茶'], counties: ['431129'], quals: ['红茶', '瑶山', '一级'], units: black, attrs: teaAttrs('black', bud), certs: ['GEO_INDICATION'] },
      { category: 'green-tea', brand: '东江湖茶', names: ['东江湖茶'], counties: ['431081'], quals: ['明前', '特级', '一级'], units: fine, attrs: teaAttrs('green', bud) },
      { category: 'dark-tea', names: ['黑茶', '茯砖茶', '黑砖茶', '天尖茶'], quals: ['陈年', '一级', '礼盒装', '批发'], units: dark, attrs: teaAttrs('dark', ['standard', 'one-bud-two-leaves']) },
      { category: 'green-tea', names: ['绿茶', '毛尖', '云雾茶', '高山绿茶', '炒青'], quals: ['明前', '雨前', '一芽一叶', '高山', '特级', '一级'], units: fine, attrs: teaAttrs('green', bud), certs: ['ORGANIC', 'GREEN_FOOD', 'SELENIUM_RICH'] },
      { category: 'black-tea', names: ['红茶', '工夫红茶', '高山红茶'], quals: ['一级', '特级', '礼盒装'], units: black, attrs: teaAttrs('black', bud), certs: ['ORGANIC'] },
      { category: 'yellow-tea', names: ['黄茶', '黄芽茶'], quals: ['明前', '一级'], units: fine, attrs: teaAttrs('yellow', bud) },
      { category: 'fresh-leaf', names: ['茶青', '鲜叶', '茶叶鲜叶'], quals: ['一芽一叶', '一芽二叶', '收购', '机采'], units: fresh, attrs: teaAttrs('green', ['one-bud-one-leaf', 'one-bud-two-leaves', 'standard']) },
    ];
    return list;
  })(),
};

const CHANNEL_WEIGHTS = /** @type {[string, number][]} */ ([['rice', 22], ['hog', 15], ['fruit', 25], ['oil', 15], ['tea', 23]]);
const CHANNEL_PRODUCT_WORD = /** @type {Record<string, string[]>} */ ({
  rice: ['大米', '稻米', '粮食', '优质稻'],
  hog: ['生猪', '养猪', '畜牧', '黑猪'],
  fruit: ['柑橘', '果业', '水果', '脐橙', '猕猴桃'],
  oil: ['油茶', '茶油', '粮油'],
  tea: ['茶叶', '茶业', '黑茶', '绿茶'],
});

const SURNAMES = '王李张刘陈杨黄赵周吴徐孙朱胡郭何高林罗郑梁谢宋唐许韩邓彭曾肖田向龙石谭廖蒋欧阳贺'.split('');
const GIVEN = ['建国', '志强', '红梅', '秀英', '海波', '桂华', '德明', '国平', '春生', '小兵', '文华', '丽娟', '永红', '金山', '勇', '芳', '伟', '敏', '军', '平', '湘军', '湘云', '满仓', '秋菊'];
const VILLAGES = ['青山', '白沙', '龙潭', '桃花', '石门', '枫树', '双溪', '高坪', '太平', '长乐', '金坑', '松柏', '云台', '岩头', '茶园', '水口'];
const BRANDS = ['湘禾', '绿源', '山里红', '金穗', '湘野', '楚韵', '潇湘', '沅水', '雪峰', '武陵', '洞庭', '南岭', '丰泰', '田园'];
const CERT_CODES = ['GREEN_FOOD', 'ORGANIC', 'GEO_INDICATION', 'SELENIUM_RICH', 'POLLUTION_FREE'];

// ---------------------------------------------------------------------------------------------
// Identifiers

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** 统一社会信用代码 (GB 32100-2015) with its check character. @param {string} county @param {number} seq */
export function uscc(county, seq) {
  const body = `93${county}MA${String(seq).padStart(7, '0')}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(/** @type {string} */ (body[i])) * /** @type {number} */ (USCC_WEIGHTS[i]);
  return body + USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

/** Rounds a price in fen to what a seller would type. @param {number} fen */
function nicePrice(fen) {
  if (fen >= 100_000) return Math.round(fen / 1000) * 1000;
  if (fen >= 10_000) return Math.round(fen / 100) * 100;
  if (fen >= 1000) return Math.round(fen / 10) * 10;
  return Math.max(1, Math.round(fen));
}

// ---------------------------------------------------------------------------------------------
// Generation

/**
 * @typedef {object} Org
 * @property {string} id
 * @property {string} name
 * @property {string} kind
 * @property {County} county
 * @property {string} channel primary channel
 * @property {string | null} secondary
 * @property {string} status
 * @property {number} createdAt ms
 * @property {string} uscc
 */

/**
 * @param {Rng} r
 * @param {County[]} counties
 * @param {number} count
 * @param {number} usccBase
 * @returns {Org[]}
 */
function makeOrgs(r, counties, count, usccBase) {
  // Farming happens in counties more than in city districts; poverty counties weigh a bit more.
  const countyWeights = counties.map((c) => (c.divisionType === '市辖区' ? 0.4 : 1) * (c.poverty ? 1.4 : 1));
  const countySampler = new Sampler(countyWeights);
  /** @type {Map<string, [string, string][]>} county code → [channel, brand] of its famous products */
  const famous = new Map();
  for (const [channel, products] of Object.entries(PRODUCTS)) {
    for (const p of products) for (const code of p.counties ?? []) famous.set(code, [...(famous.get(code) ?? []), [channel, /** @type {string} */ (p.brand)]]);
  }
  /** @type {Set<string>} */
  const names = new Set();
  /** @type {Org[]} */
  const orgs = [];
  for (let i = 0; i < count; i++) {
    // Famous-product counties get extra sellers.
    const county = /** @type {County} */ (counties[countySampler.draw(r)]);
    const local = famous.get(county.code);
    const channel = local && r.chance(0.7) ? r.pick(local)[0] : r.weighted(CHANNEL_WEIGHTS);
    const secondary = r.chance(0.15) ? r.weighted(CHANNEL_WEIGHTS) : null;
    const kind = r.weighted(/** @type {[string, number][]} */ ([['COOPERATIVE', 45], ['FAMILY_FARM', 35], ['ENTERPRISE', 20]]));
    const word = r.pick(/** @type {string[]} */ (CHANNEL_PRODUCT_WORD[channel]));
    let name = '';
    for (let attempt = 0; attempt < 20 && (!name || names.has(name)); attempt++) {
      const village = r.pick(VILLAGES);
      if (kind === 'COOPERATIVE') name = `${county.name}${village}${word}专业合作社`;
      else if (kind === 'FAMILY_FARM') name = `${county.name}${village}${r.pick(SURNAMES)}${r.pick(GIVEN)}${word}家庭农场`;
      else name = `湖南${r.pick(BRANDS)}${county.short}${word}${r.pick(['有限公司', '农业开发有限公司', '生态农业有限公司', '食品有限公司'])}`;
      if (attempt > 10) name = `${name.slice(0, 50)}${i}`;
    }
    names.add(name);
    const status = r.weighted(/** @type {[string, number][]} */ ([['VERIFIED', 95], ['PENDING', 4], ['REJECTED', 1]]));
    orgs.push({
      id: randomUUID(),
      name: name.slice(0, 60),
      kind,
      county,
      channel,
      secondary,
      status,
      createdAt: NOW - r.int(200, 900) * DAY_MS - r.int(0, DAY_MS - 1),
      uscc: uscc(county.code, usccBase + i),
    });
  }
  return orgs;
}

/**
 * @typedef {object} ListingRow
 * @property {string} id
 * @property {string} organisationId
 * @property {string} channel
 * @property {number} categoryId
 * @property {string} title
 * @property {string} description
 * @property {string} attributes JSON
 * @property {string} originCounty
 * @property {string} unit
 * @property {string} priceTiers JSON
 * @property {number} basePriceFen
 * @property {number} minOrderQuantity
 * @property {number} stock
 * @property {string} certifications array literal
 * @property {string} status
 * @property {Date} createdAt
 * @property {Date} updatedAt
 * @property {Date | null} publishedAt
 */

/**
 * @param {Rng} r
 * @param {Org} org
 * @param {string} channel
 * @param {Map<string, number>} categoryIds "channel/slug" → id
 * @param {Map<string, County[]>} byPrefecture
 * @param {Map<string, County>} byCode
 * @returns {ListingRow}
 */
function makeListing(r, org, channel, categoryIds, byPrefecture, byCode) {
  const products = /** @type {Product[]} */ (PRODUCTS[channel]);
  const local = products.filter((p) => p.counties?.includes(org.county.code));
  const generic = products.filter((p) => !p.counties);
  const product = local.length > 0 && r.chance(0.7) ? r.pick(local) : r.chance(0.85) ? r.pick(generic) : r.pick(products);
  // Origin: mostly the seller's county, sometimes a neighbour in the same prefecture; famous products come from home.
  let origin = org.county;
  if (product.counties) origin = /** @type {County} */ (byCode.get(product.counties.includes(org.county.code) ? org.county.code : r.pick(product.counties)));
  else if (r.chance(0.15)) origin = r.pick(/** @type {County[]} */ (byPrefecture.get(org.county.prefectureCode)));
  const name = r.pick(product.names);
  const base = product.brand ?? (r.chance(0.65) ? `${origin.short}${name}` : name);
  const option = r.pick(product.units);
  const parts = [base];
  if (r.chance(0.85)) parts.push(r.pick(product.quals));
  if (option.spec && r.chance(0.7)) parts.push(r.pick(option.spec));
  else if (r.chance(0.2)) parts.push(r.pick(['产地直供', '现货', '量大从优', '包邮', '可开票']));
  let title = parts.join(' ');
  if (title.length < 4) title = `${title} 现货`;
  title = title.slice(0, 60);

  // 1–3 tiers: thresholds grow, prices fall 3–12 % per step.
  const moq = r.pick(option.moq);
  const first = nicePrice(option.price[0] + r.next() * (option.price[1] - option.price[0]));
  const tierCount = r.weighted(/** @type {[number, number][]} */ ([[1, 35], [2, 40], [3, 25]]));
  const tiers = [{ minQuantity: moq, unitPriceFen: first }];
  for (let t = 1; t < tierCount; t++) {
    const prev = /** @type {{ minQuantity: number, unitPriceFen: number }} */ (tiers[t - 1]);
    const minQuantity = prev.minQuantity * r.pick([5, 10, 10, 20]);
    const unitPriceFen = Math.max(1, Math.min(prev.unitPriceFen, nicePrice(prev.unitPriceFen * (1 - 0.03 - r.next() * 0.09))));
    tiers.push({ minQuantity, unitPriceFen });
  }

  const status = r.weighted(/** @type {[string, number][]} */ ([['ACTIVE', 84], ['PAUSED', 5], ['DRAFT', 5], ['SOLD_OUT', 4], ['ARCHIVED', 2]]));
  const stock = status === 'SOLD_OUT' ? 0 : Math.max(moq, r.int(option.stock[0], option.stock[1]));
  const published = status === 'DRAFT' ? null : NOW - Math.floor(r.next() * 180 * DAY_MS);
  const created = (published ?? NOW - Math.floor(r.next() * 60 * DAY_MS)) - Math.floor(r.next() * 3 * DAY_MS);
  const updated = Math.min(NOW, (published ?? created) + (r.chance(0.3) ? Math.floor(r.next() * 20 * DAY_MS) : 0));

  /** @type {Set<string>} */
  const certs = new Set();
  for (const c of product.certs ?? []) if (r.chance(0.45)) certs.add(c);
  if (r.chance(0.05)) certs.add(r.pick(CERT_CODES));

  const categoryId = categoryIds.get(`${channel}/${product.category}`);
  if (categoryId === undefined) throw new Error(`category ${channel}/${product.category} is missing: is the reference data loaded?`);
  const unitZh = /** @type {Record<string, string>} */ ({ KG: '公斤', JIN: '斤', TONNE: '吨', DAN: '担', G: '克', HEAD: '头', BOX: '箱', BOTTLE: '瓶', CASE: '盒', BAG: '袋', PIECE: '件' })[option.unit];
  const description = `${org.name}供应，产地${origin.prefectureName}${origin.name}。${moq}${unitZh}起订，量大可议，支持物流发货。`;
  return {
    id: randomUUID(),
    organisationId: org.id,
    channel,
    categoryId,
    title,
    description,
    attributes: JSON.stringify(product.attrs(r, name)),
    originCounty: origin.code,
    unit: option.unit,
    priceTiers: JSON.stringify(tiers),
    basePriceFen: first,
    minOrderQuantity: moq,
    stock,
    certifications: `{${[...certs].join(',')}}`,
    status,
    createdAt: new Date(created),
    updatedAt: new Date(Math.max(updated, created)),
    publishedAt: published === null ? null : new Date(published),
  };
}

// ---------------------------------------------------------------------------------------------
// Loading

/**
 * Inserts rows with one statement per batch: each column is sent as one array and unnested,
 * so a 1,000-row batch is a single small parse and a single round trip.
 * @param {pg.ClientBase} client
 * @param {string} sql with $1…$n array parameters
 * @param {unknown[][]} columns
 */
async function insertColumns(client, sql, columns) {
  await client.query(sql, columns);
}

const LISTING_INSERT = `
  insert into listing (id, organisation_id, channel_code, category_id, title, description, attributes, origin_county_code, unit,
                       price_tiers, base_price_fen, min_order_quantity, stock, certifications, status, is_demo, created_at, updated_at, published_at)
  select id, org, channel, category, title, description, attributes::jsonb, county, unit, tiers::jsonb, price, moq, stock,
         certs::text[], status::listing_status, false, created, updated, published
  from unnest($1::uuid[], $2::uuid[], $3::text[], $4::int[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
              $10::text[], $11::int[], $12::int[], $13::int[], $14::text[], $15::text[], $16::timestamptz[], $17::timestamptz[], $18::timestamptz[])
       as t(id, org, channel, category, title, description, attributes, county, unit, tiers, price, moq, stock, certs, status, created, updated, published)`;

/** @param {string[]} argv */
export async function generate(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      url: { type: 'string' },
      listings: { type: 'string', default: '100000' },
      orgs: { type: 'string' },
      seed: { type: 'string', default: '2026' },
      force: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
    },
  });
  const url = values.url ?? process.env.DATABASE_URL;
  if (!url) throw new Error('give the database with --url or DATABASE_URL');
  const listingCount = Number(values.listings);
  if (!Number.isInteger(listingCount) || listingCount < 0) throw new Error('--listings must be a whole number');
  const orgCount = values.orgs ? Number(values.orgs) : Math.max(20, Math.min(2000, Math.round(listingCount / 50)));
  if (!Number.isInteger(orgCount) || orgCount < 1) throw new Error('--orgs must be a positive whole number');
  const log = values.quiet ? () => undefined : (/** @type {string} */ line) => console.log(line);
  const r = new Rng(Number(values.seed));
  const started = performance.now();

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const existing = Number((await client.query('select count(*)::int as n from listing')).rows[0].n);
    if (existing > 1000 && !values.force) {
      throw new Error(`the database already holds ${existing} listings; pass --force to add ${listingCount} more`);
    }
    const categories = (await client.query('select id, channel_code, slug from category')).rows;
    /** @type {Map<string, number>} */
    const categoryIds = new Map(categories.map((c) => [`${c.channel_code}/${c.slug}`, Number(c.id)]));
    const dbCounties = new Set((await client.query('select code from county')).rows.map((c) => c.code));
    const counties = loadCounties().filter((c) => dbCounties.has(c.code));
    if (counties.length === 0) throw new Error('no counties in the database: is the reference data loaded?');
    const byCode = new Map(counties.map((c) => [c.code, c]));
    /** @type {Map<string, County[]>} */
    const byPrefecture = new Map();
    for (const c of counties) byPrefecture.set(c.prefectureCode, [...(byPrefecture.get(c.prefectureCode) ?? []), c]);

    // Numbering continues after what is there, so that reruns with --force never collide.
    const usccBase = 1_000_000 + Number((await client.query('select count(*)::int as n from organisation')).rows[0].n);
    const phoneBase = Number((await client.query('select count(*)::int as n from app_user')).rows[0].n);
    await client.query('set synchronous_commit = off');

    // Organisations, their owners and memberships.
    const orgs = makeOrgs(r, counties, orgCount, usccBase);
    await client.query('begin');
    for (let start = 0; start < orgs.length; start += BATCH) {
      const batch = orgs.slice(start, start + BATCH);
      const users = batch.map((o, i) => ({
        id: randomUUID(),
        phone: `158${String(phoneBase + start + i).padStart(8, '0')}`,
        name: `${r.pick(SURNAMES)}${r.pick(GIVEN)}`,
        createdAt: new Date(o.createdAt),
      }));
      await insertColumns(
        client,
        `insert into app_user (id, phone, display_name, password_hash, is_platform_admin, sessions_valid_after, is_demo, created_at)
         select id, phone, name, '!bench: no login', false, created, false, created
         from unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[]) as t(id, phone, name, created)`,
        [users.map((u) => u.id), users.map((u) => u.phone), users.map((u) => u.name), users.map((u) => u.createdAt)],
      );
      await insertColumns(
        client,
        `insert into organisation (id, name, kind, uscc, county_code, description, verification_status, verified_at, rejection_reason, is_demo, created_at)
         select id, name, kind::organisation_kind, uscc, county, description, status::verification_status,
                case when status = 'VERIFIED' then created + interval '3 days' end,
                case when status = 'REJECTED' then '营业执照信息与统一社会信用代码不符' end, false, created
         from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::timestamptz[])
              as t(id, name, kind, uscc, county, description, status, created)`,
        [
          batch.map((o) => o.id),
          batch.map((o) => o.name),
          batch.map((o) => o.kind),
          batch.map((o) => o.uscc),
          batch.map((o) => o.county.code),
          batch.map((o) => `位于${o.county.prefectureName}${o.county.name}，主营${r.pick(/** @type {string[]} */ (CHANNEL_PRODUCT_WORD[o.channel]))}。`),
          batch.map((o) => o.status),
          batch.map((o) => new Date(o.createdAt)),
        ],
      );
      await insertColumns(
        client,
        `insert into membership (id, organisation_id, user_id, role, created_at)
         select gen_random_uuid(), org, usr, 'OWNER', created from unnest($1::uuid[], $2::uuid[], $3::timestamptz[]) as t(org, usr, created)`,
        [batch.map((o) => o.id), users.map((u) => u.id), users.map((u) => u.createdAt)],
      );
    }
    await client.query('commit');
    const orgSeconds = (performance.now() - started) / 1000;
    log(`organisations: ${orgs.length} (${orgs.filter((o) => o.status === 'VERIFIED').length} verified), owners and memberships in ${orgSeconds.toFixed(1)} s`);

    // Listings: each channel's sellers, busy ones more often (a long tail like a real marketplace).
    /** @type {Map<string, { orgs: Org[], sampler: Sampler }>} */
    const pools = new Map();
    for (const [channel] of CHANNEL_WEIGHTS) {
      const pool = orgs.filter((o) => o.channel === channel || o.secondary === channel);
      const members = pool.length > 0 ? pool : orgs;
      pools.set(channel, { orgs: members, sampler: new Sampler(members.map((o) => (o.channel === channel ? 1 : 0.3) * (1 + Math.floor(-Math.log(1 - r.next()) * 8)))) });
    }
    /** @type {Record<string, number>} */
    const perChannel = {};
    /** @type {Record<string, number>} */
    const perStatus = {};
    let done = 0;
    const listingStarted = performance.now();
    while (done < listingCount) {
      const size = Math.min(BATCH, listingCount - done);
      /** @type {ListingRow[]} */
      const rows = [];
      for (let i = 0; i < size; i++) {
        const channel = r.weighted(CHANNEL_WEIGHTS);
        const pool = /** @type {{ orgs: Org[], sampler: Sampler }} */ (pools.get(channel));
        const org = /** @type {Org} */ (pool.orgs[pool.sampler.draw(r)]);
        const row = makeListing(r, org, channel, categoryIds, byPrefecture, byCode);
        perChannel[channel] = (perChannel[channel] ?? 0) + 1;
        perStatus[row.status] = (perStatus[row.status] ?? 0) + 1;
        rows.push(row);
      }
      /** @type {(keyof ListingRow)[]} */
      const keys = ['id', 'organisationId', 'channel', 'categoryId', 'title', 'description', 'attributes', 'originCounty', 'unit', 'priceTiers', 'basePriceFen', 'minOrderQuantity', 'stock', 'certifications', 'status', 'createdAt', 'updatedAt', 'publishedAt'];
      // Ten batches per transaction.
      if ((done / BATCH) % 10 === 0) await client.query('begin');
      await insertColumns(client, LISTING_INSERT, keys.map((k) => rows.map((row) => row[k])));
      done += size;
      if ((done / BATCH) % 10 === 0 || done === listingCount) {
        await client.query('commit');
        if (done % 20_000 === 0 || done === listingCount) log(`listings: ${done} / ${listingCount}`);
      }
    }
    const listingSeconds = (performance.now() - listingStarted) / 1000;
    await client.query('analyze county; analyze organisation; analyze app_user; analyze membership; analyze listing');
    const seconds = (performance.now() - started) / 1000;
    const summary = { organisations: orgs.length, listings: listingCount, perChannel, perStatus, listingSeconds: Number(listingSeconds.toFixed(2)), seconds: Number(seconds.toFixed(2)) };
    log(`listings: ${listingCount} in ${listingSeconds.toFixed(1)} s (${Math.round(listingCount / Math.max(listingSeconds, 0.001))} rows/s); total ${seconds.toFixed(1)} s`);
    log(`by channel: ${JSON.stringify(perChannel)}  by status: ${JSON.stringify(perStatus)}`);
    return summary;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  generate(process.argv.slice(2))
    .then((summary) => {
      // The last line is machine-readable for channel-page.mjs.
      console.log(`RESULT ${JSON.stringify(summary)}`);
    })
    .catch((/** @type {unknown} */ error) => {
      console.error(`generate: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    });
}
