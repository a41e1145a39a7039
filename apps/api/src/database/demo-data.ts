import type { EntityManager } from '@mikro-orm/postgresql';
import { usccCheckCharacter } from '@xiangnong/domain';
import { randomUUID } from 'node:crypto';
import type { FreightRules } from '../modules/logistics/freight';
import { hashPassword } from '../modules/identity/password';

export const DEMO_PASSWORD = 'xiangnong2026';
export const DEMO_LOGINS = [
  { phone: '13800000000', role: '平台管理员 / Platform admin' },
  { phone: '13900000001', role: '安化县黑茶合作社 / Tea cooperative owner' },
  { phone: '13900000002', role: '采购商 / Buyer' },
  { phone: '13900000003', role: '村级服务站站长 / Village service-station operator' },
  { phone: '13900000004', role: '物流合作方 / Logistics partner' },
];

/** Village service stations of the demo station operator, where buyers can have parcels sent. */
const DEMO_STATIONS = [
  { name: '江南镇洞市村服务站', county: '430923', address: '安化县江南镇洞市村村部一楼（示例）' },
  { name: '高村镇服务站', county: '431226', address: '麻阳苗族自治县高村镇电商服务中心（示例）' },
  { name: '宁乡市花明楼镇服务站', county: '430182', address: '宁乡市花明楼镇农贸市场旁（示例）' },
];

function demoUscc(seq: number, division: string): string {
  const body = `93${division}MA${String(seq).padStart(7, '0')}`.slice(0, 17);
  return body + usccCheckCharacter(body);
}

interface DemoOrg {
  name: string;
  kind: string;
  county: string;
  contact: { name: string; phone: string };
  /** freight rules; without them the seller delivers free within Hunan */
  shipping?: FreightRules;
  listings: {
    channel: string;
    category: string;
    title: string;
    unit: string;
    tiers: [number, number][];
    stock: number;
    attributes: Record<string, string | number>;
    certifications?: string[];
  }[];
}

const ORGS: DemoOrg[] = [
  {
    name: '安化县云台山黑茶专业合作社',
    kind: 'COOPERATIVE',
    county: '430923',
    contact: { name: '李合作', phone: '13900000001' },
    listings: [
      { channel: 'tea', category: 'qianliang', title: '安化黑茶 千两茶 2022 年', unit: 'KG', tiers: [[1, 36000], [20, 32000]], stock: 300, attributes: { teaType: 'dark', grade: 'standard', productionYear: 2022 }, certifications: ['GEO_INDICATION'] },
      { channel: 'tea', category: 'tianjian', title: '安化天尖茶 一级 500 克', unit: 'BOX', tiers: [[1, 16800], [50, 15000]], stock: 800, attributes: { teaType: 'dark', grade: 'one-bud-one-leaf', productionYear: 2024 } },
    ],
  },
  {
    name: '古丈县毛尖茶叶家庭农场',
    kind: 'FAMILY_FARM',
    county: '433126',
    contact: { name: '向茶农', phone: '13900000011' },
    listings: [
      { channel: 'tea', category: 'maojian', title: '古丈毛尖 明前 一芽一叶', unit: 'JIN', tiers: [[1, 48000], [10, 45000]], stock: 120, attributes: { teaType: 'green', harvestSeason: 'mingqian', grade: 'one-bud-one-leaf', productionYear: 2026 }, certifications: ['ORGANIC'] },
    ],
  },
  {
    name: '麻阳苗族自治县冰糖橙合作社',
    kind: 'COOPERATIVE',
    county: '431226',
    contact: { name: '滕果农', phone: '13900000012' },
    // fresh fruit: freight by weight with a cold-chain surcharge, free from ¥500, not to 长沙市辖区
    shipping: {
      zones: [
        { regions: ['431200'], firstKg: 5, firstFen: 600, additionalKg: 5, additionalFen: 300 },
        { regions: ['430000'], firstKg: 5, firstFen: 1200, additionalKg: 5, additionalFen: 600 },
      ],
      excluded: [],
      coldChainFenPerKg: 20,
      freeAboveFen: 50_000,
      pieceWeightGrams: 5000,
    },
    listings: [
      { channel: 'fruit', category: 'bingtang-orange', title: '麻阳冰糖橙 70-75 毫米 产地直发', unit: 'JIN', tiers: [[100, 380], [1000, 340]], stock: 50000, attributes: { variety: '冰糖橙', sizeGrade: '70-75', brix: 14.5, pickingDate: '2026-11-20' }, certifications: ['GEO_INDICATION', 'GREEN_FOOD'] },
      { channel: 'fruit', category: 'kiwifruit', title: '湘西猕猴桃 米良一号 精品箱', unit: 'BOX', tiers: [[10, 6800], [100, 6000]], stock: 2000, attributes: { variety: '米良一号', brix: 16 } },
    ],
  },
  {
    name: '宁乡花猪养殖有限公司',
    kind: 'ENTERPRISE',
    county: '430182',
    contact: { name: '周场长', phone: '13900000013' },
    listings: [
      { channel: 'hog', category: 'live-hog', title: '宁乡花猪 生猪 110-130 公斤', unit: 'HEAD', tiers: [[5, 360000], [50, 340000]], stock: 400, attributes: { breed: '宁乡花猪', liveWeightBand: '110-130', headCount: 400, quarantineCertificate: '4301822026-0088' } },
    ],
  },
  {
    name: '邵阳县油茶专业合作社',
    kind: 'COOPERATIVE',
    county: '430523',
    contact: { name: '刘社长', phone: '13900000014' },
    listings: [
      { channel: 'oil', category: 'camellia-oil', title: '邵阳茶油 冷榨一级 5 升装', unit: 'BOTTLE', tiers: [[1, 48000], [20, 43000]], stock: 600, attributes: { oilType: 'camellia', pressingMethod: 'cold', acidValue: 0.8 }, certifications: ['GEO_INDICATION'] },
    ],
  },
  {
    name: '桃源县富硒大米合作社',
    kind: 'COOPERATIVE',
    county: '430725',
    contact: { name: '陈社长', phone: '13900000015' },
    listings: [
      { channel: 'rice', category: 'selenium-rice', title: '桃源富硒米 一级 新米', unit: 'TONNE', tiers: [[1, 620000], [10, 580000]], stock: 200, attributes: { variety: '玉针香', form: 'milled', grade: '1', harvestYear: 2026 }, certifications: ['SELENIUM_RICH'] },
      { channel: 'rice', category: 'paddy', title: '优质稻谷 黄华占 散装', unit: 'JIN', tiers: [[1000, 155], [10000, 148]], stock: 400000, attributes: { variety: '黄华占', form: 'paddy', harvestYear: 2026 } },
    ],
  },
];

/**
 * Sample data for trying the product: three logins and verified demo sellers with listings in every
 * channel. Everything is marked `is_demo` and shown as 示例 in the storefront. Runs once.
 */
export async function loadDemoData(em: EntityManager): Promise<boolean> {
  const c = em.getConnection();
  const existing = await c.execute<{ n: string }[]>('select count(*) as n from app_user where is_demo');
  if (Number(existing[0]!.n) > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await em.transactional(async (tx) => {
    const t = tx.getConnection();
    const ctx = tx.getTransactionContext();
    const users: Record<string, string> = {};
    const names = ['平台管理员', '李合作', '王采购', '张站长', '赵物流'];
    for (const [i, login] of DEMO_LOGINS.entries()) {
      users[login.phone] = randomUUID();
      await t.execute(
        `insert into app_user (id, phone, display_name, password_hash, is_platform_admin, sessions_valid_after, is_demo, created_at)
         values (?, ?, ?, ?, ?, to_timestamp(0), true, now())`,
        [users[login.phone], login.phone, names[i], passwordHash, i === 0],
        'run',
        ctx,
      );
    }
    const categories = await t.execute<{ id: number; channel_code: string; slug: string }[]>('select id, channel_code, slug from category', [], 'all', ctx);
    let seq = 1;
    let minutesAgo = 0;
    for (const org of ORGS) {
      const orgId = randomUUID();
      await t.execute(
        `insert into organisation (id, name, kind, uscc, county_code, contact_name, contact_phone, verification_status, verified_at, is_demo, created_at)
         values (?, ?, ?, ?, ?, ?, ?, 'VERIFIED', now(), true, now())`,
        [orgId, org.name, org.kind, demoUscc(seq++, org.county), org.county, org.contact.name, org.contact.phone],
        'run',
        ctx,
      );
      const owner = seq === 2 ? users['13900000001']! : users['13800000000']!;
      await t.execute(`insert into membership (id, organisation_id, user_id, role, created_at) values (?, ?, ?, 'OWNER', now())`, [randomUUID(), orgId, owner], 'run', ctx);
      // every demo seller takes bank transfers (the account is a sample, marked as such)
      await t.execute(
        `insert into seller_bank_account (organisation_id, account_name, bank_name, account_number, updated_at) values (?, ?, ?, ?, now())`,
        [orgId, org.name, '示例银行 湖南分行', `62284800${String(seq).padStart(8, '0')}`],
        'run',
        ctx,
      );
      if (org.shipping) await t.execute(`insert into shipping_template (organisation_id, rules, updated_at) values (?, ?::jsonb, now())`, [orgId, JSON.stringify(org.shipping)], 'run', ctx);
      for (const l of org.listings) {
        const category = categories.find((cat) => cat.channel_code === l.channel && cat.slug === l.category)!;
        const published = new Date(Date.now() - ++minutesAgo * 60_000);
        await t.execute(
          `insert into listing (id, organisation_id, channel_code, category_id, title, description, attributes, origin_county_code, unit,
                                price_tiers, base_price_fen, min_order_quantity, stock, certifications, status, is_demo, created_at, updated_at, published_at)
           values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?::jsonb, ?, ?, ?, ?, 'ACTIVE', true, ?, ?, ?)`,
          [
            randomUUID(), orgId, l.channel, category.id, l.title, `${org.name}直供。示例数据，仅供体验。`,
            JSON.stringify(l.attributes), org.county, l.unit,
            JSON.stringify(l.tiers.map(([minQuantity, unitPriceFen]) => ({ minQuantity, unitPriceFen }))),
            l.tiers[0]![1], l.tiers[0]![0], l.stock, `{${(l.certifications ?? []).join(',')}}`, published, published, published,
          ],
          'run',
          ctx,
        );
      }
    }
    await loadDemoPartners(tx, users, seq);
    // the stock ledger starts with each listing's stock, as it does for listings sellers create
    await t.execute(
      `insert into stock_movement (listing_id, delta, stock_after, reason, created_at) select id, stock, stock, 'listing-created', created_at from listing where is_demo and stock > 0`,
      [],
      'run',
      ctx,
    );
    // written here rather than through the services, so no events announce them: the search
    // indexes are rebuilt from the database when the server next starts
    await t.execute('delete from search_index_state', [], 'run', ctx);
  });
  return true;
}

/** The demo buyer's organisation, the station operator with its stations, and the logistics partner. */
async function loadDemoPartners(tx: EntityManager, users: Record<string, string>, firstSeq: number): Promise<void> {
  const t = tx.getConnection();
  const ctx = tx.getTransactionContext();
  const partners = [
    { login: '13900000002', name: '长沙市某高校食堂采购部（示例）', kind: 'BUYER', county: '430102', contact: '王采购' },
    { login: '13900000003', name: '安化县村级电商服务站联合会', kind: 'SERVICE_STATION', county: '430923', contact: '张站长' },
    { login: '13900000004', name: '湘农冷链物流有限公司', kind: 'LOGISTICS', county: '430104', contact: '赵物流' },
  ];
  let seq = firstSeq;
  for (const p of partners) {
    const orgId = randomUUID();
    await t.execute(
      `insert into organisation (id, name, kind, uscc, county_code, contact_name, contact_phone, verification_status, verified_at, is_demo, created_at)
       values (?, ?, ?, ?, ?, ?, ?, 'VERIFIED', now(), true, now())`,
      [orgId, p.name, p.kind, demoUscc(seq++, p.county), p.county, p.contact, p.login],
      'run',
      ctx,
    );
    await t.execute(`insert into membership (id, organisation_id, user_id, role, created_at) values (?, ?, ?, 'OWNER', now())`, [randomUUID(), orgId, users[p.login]], 'run', ctx);
    if (p.kind !== 'SERVICE_STATION') continue;
    for (const station of DEMO_STATIONS) {
      await t.execute(
        `insert into service_station (id, organisation_id, name, county_code, address, is_demo, created_at) values (?, ?, ?, ?, ?, true, now())`,
        [randomUUID(), orgId, station.name, station.county, station.address],
        'run',
        ctx,
      );
    }
  }
}
