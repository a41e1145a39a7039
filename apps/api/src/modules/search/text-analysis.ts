import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import { pinyin } from 'pinyin-pro';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * How text becomes search tokens, for documents and for queries alike, so that both engines (and
 * both sides of each) agree. Chinese is segmented into words (jieba, with the product names of the
 * five channels added), and also kept as character pairs and single characters, so that a partial
 * word or a word the segmenter did not know still matches. Pinyin (full and initials) is added for
 * the words, pairs and characters of titles and names, so that "anhua heicha", "ahhc" and a
 * homophone typed by a pinyin keyboard (冰糖澄 for 冰糖橙) find what they mean. Synonym groups add
 * one shared token to every listing that mentions any of their words.
 */

const REFERENCE = join(__dirname, '..', '..', '..', 'reference-data');
const CJK = /\p{Script=Han}/u;
const CJK_RUN = /\p{Script=Han}+/gu;
const WORD = /[\p{L}\p{N}]+/gu;
const CLEAN = /^[\p{L}\p{N}]+$/u;
const HAS_WORD = /[\p{L}\p{N}]/u;

export interface SynonymGroup {
  id: string;
  words: string[];
  /** attribute key → values that put a listing in this group */
  attributes?: Record<string, string[]>;
}

/** Raised when tokenisation changes in a way the stored indexes must be rebuilt for. */
const ANALYSIS_VERSION = 3;

const synonymsFile = readFileSync(join(REFERENCE, 'search-synonyms.json'), 'utf8');
const vocabularyFile = readFileSync(join(REFERENCE, 'search-vocabulary.txt'), 'utf8');
const synonyms: SynonymGroup[] = (JSON.parse(synonymsFile) as { groups: SynonymGroup[] }).groups;
const synonymOfWord = new Map(synonyms.flatMap((g) => g.words.map((w) => [w, g.id] as const)));

let segmenter: Jieba | undefined;
function jieba(): Jieba {
  if (!segmenter) {
    const vocabulary = vocabularyFile
      .split('\n')
      .filter((line) => line.trim() && !line.startsWith('#'))
      .join('\n');
    // every word of a synonym group is kept whole too, so that 农家猪 is one word, not 农家 + 猪
    const synonymWords = synonyms.flatMap((g) => g.words).map((w) => `${w} 20000 n`).join('\n');
    segmenter = Jieba.withDict(Buffer.concat([dict, Buffer.from(`\n${vocabulary}\n${synonymWords}\n`)]));
  }
  return segmenter;
}

/**
 * Builds the segmenter's dictionary and pinyin-pro's tables now (about 0.2 s of CPU), so that the
 * first search after a start does not wait for them.
 */
export function prepareAnalysis(): void {
  jieba();
  pinyin('安化', { toneType: 'none', type: 'array' });
}

export function synonymGroups(): readonly SynonymGroup[] {
  return synonyms;
}

/** Identifies the analysis (rules, vocabulary, synonyms) an index was built with. */
export function analysisFingerprint(): string {
  return createHash('sha256').update(`${ANALYSIS_VERSION}\n${vocabularyFile}\n${synonymsFile}`).digest('hex').slice(0, 32);
}

/** Text as both engines compare it: compatibility-normalised, lower case, full-width folded. */
export function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Words of `text` as the segmenter finds them for search (a compound and its parts). */
export function words(text: string): string[] {
  return jieba()
    .cutForSearch(normalise(text), true)
    .map((w) => w.trim())
    .filter((w) => w && HAS_WORD.test(w));
}

/** Words of `text`, each once, in reading order (no overlapping parts). */
function readingWords(text: string): string[] {
  return jieba()
    .cut(normalise(text), true)
    .map((w) => w.trim())
    .filter((w) => w && HAS_WORD.test(w));
}

/** `fn` with its answers kept for repeated inputs (product words, names and places repeat across listings), up to `size` of them. */
function memo<T>(fn: (text: string) => T, size: number): (text: string) => T {
  const kept = new Map<string, T>();
  return (text) => {
    let value = kept.get(text);
    if (value === undefined) {
      value = fn(text);
      if (kept.size >= size) kept.clear();
      kept.set(text, value);
    }
    return value;
  };
}

/** Pinyin without tones, syllables joined: 安化 → anhua. Characters without pinyin are kept. */
export const pinyinOf = memo(
  (text: string) => pinyin(text, { toneType: 'none', type: 'array', v: true }).join('').replace(/[^\p{L}\p{N}]/gu, '').toLowerCase(),
  50_000,
);

/** Initials: 安化黑茶 → ahhc. */
export const initialsOf = memo(
  (text: string) => pinyin(text, { pattern: 'first', toneType: 'none', type: 'array' }).join('').replace(/[^\p{L}\p{N}]/gu, '').toLowerCase(),
  50_000,
);

function pairs(run: string): string[] {
  const chars = [...run];
  return chars.slice(0, -1).map((c, i) => c + chars[i + 1]);
}

function hanRuns(text: string): string[] {
  return normalise(text).match(CJK_RUN) ?? [];
}

/** A token as the index stores it: letters and digits only, so that it can never be query syntax. */
export function cleanToken(token: string): string {
  return CLEAN.test(token) ? token : (token.match(WORD) ?? []).join('');
}

export interface WeightedTokens {
  /** title */
  a: Set<string>;
  /** category, attributes, seller, place, certifications, synonyms */
  b: Set<string>;
  /** description */
  c: Set<string>;
  /** single characters and syllables of the title and names: weakest, for short and typo'd queries */
  d: Set<string>;
}

function add(into: Set<string>, tokens: Iterable<string>): void {
  for (const token of tokens) {
    const clean = cleanToken(token);
    if (clean) into.add(clean);
  }
}

/** Tokens that are clean already (see cleanToken). */
function addClean(into: Set<string>, tokens: readonly string[]): void {
  for (const token of tokens) into.add(token);
}

/** Clean tokens of a name, ready to add. */
interface NameTokens {
  strong: string[];
  weakest: string[];
}

/** Words, pairs, and their pinyin, of a title or a name; cleaned here, once, since names repeat. */
function tokensOfName(text: string): NameTokens {
  const strong: string[] = [];
  const weakest: string[] = [];
  for (const w of words(text)) {
    strong.push(w);
    if (CJK.test(w)) strong.push(pinyinOf(w), initialsOf(w));
  }
  for (const run of hanRuns(text)) {
    for (const pair of pairs(run)) strong.push(pair, pinyinOf(pair));
    for (const char of run) weakest.push(char, pinyinOf(char));
  }
  const clean = (tokens: string[]) => tokens.map(cleanToken).filter(Boolean);
  return { strong: clean(strong), weakest: clean(weakest) };
}

/** Names repeat across listings (categories, sellers, counties): their tokens are kept. */
const nameTokensOf = memo(tokensOfName, 20_000);

function nameTokens(text: string, into: Set<string>, weakest: Set<string>, { repeated = true } = {}): void {
  const tokens = repeated ? nameTokensOf(text) : tokensOfName(text);
  addClean(into, tokens.strong);
  addClean(weakest, tokens.weakest);
}

/**
 * Pinyin of a title from each word on, so that a query typed as one run from a word's start
 * ("anhuaheicha", "ahhc") finds it by prefix.
 */
function runsFromEachWord(text: string): string[] {
  const ws = readingWords(text);
  const spelled = ws.map(pinyinOf);
  const initials = ws.map(initialsOf);
  const out: string[] = [];
  for (let i = 0; i < ws.length; i++) {
    if (!CJK.test(ws[i]!)) continue;
    out.push(spelled.slice(i).join(''), initials.slice(i).join(''));
  }
  return out;
}

/** A description's words and character pairs: descriptions repeat less, but sellers reuse theirs. */
const descriptionTokens = memo((description: string) => {
  const out = words(description);
  for (const run of hanRuns(description)) out.push(...pairs(run));
  return out;
}, 5_000);

export interface DocumentText {
  title: string;
  /** category and its parent, attribute values and labels, seller, county and prefecture, certification names */
  names: string[];
  description: string;
  /** attribute key → value, for synonym rules */
  attributes: Record<string, unknown>;
}

/**
 * Documents written lately, by their text: their tokens once a text is written again (most writes
 * of a listing change its stock or price, not its words), null after its first time.
 */
const analysed = new Map<string, WeightedTokens | null>();
const ANALYSED_KEPT = 2_000;

/**
 * Every token a listing is found by, by weight. A text written again is analysed once while it
 * stays among the recently written; the answer is shared: callers read it, never change it. A
 * text seen for the first time is only noted: a rebuild sees each text once, and keeping every
 * answer would only give the garbage collector work.
 */
export function documentTokens(doc: DocumentText): WeightedTokens {
  const key = JSON.stringify([doc.title, doc.names, doc.description, doc.attributes]);
  const known = analysed.get(key);
  if (known) return known;
  const tokens = analyseDocument(doc);
  analysed.delete(key);
  if (analysed.size >= ANALYSED_KEPT) analysed.delete(analysed.keys().next().value!);
  analysed.set(key, known === null ? tokens : null);
  return tokens;
}

function analyseDocument(doc: DocumentText): WeightedTokens {
  const tokens: WeightedTokens = { a: new Set(), b: new Set(), c: new Set(), d: new Set() };
  nameTokens(doc.title, tokens.a, tokens.d, { repeated: false });
  add(tokens.a, runsFromEachWord(doc.title));
  for (const name of doc.names) nameTokens(name, tokens.b, tokens.d);
  add(tokens.c, descriptionTokens(doc.description));
  // synonym groups: by any of their words, or by an attribute value they name
  const all = new Set([...tokens.a, ...tokens.b]);
  for (const group of synonyms) {
    const byWord = group.words.some((w) => all.has(w));
    const byAttribute = Object.entries(group.attributes ?? {}).some(([key, values]) => values.includes(String(doc.attributes[key] ?? '')));
    if (byWord || byAttribute) tokens.b.add(`syn${group.id}`);
  }
  return tokens;
}

/** Longest word offered as a suggestion. */
const MAX_TERM_CHARACTERS = 20;

/**
 * What a listing contributes to suggestions: the Chinese words of its title of two characters or
 * more (a compound and its parts: 安化黑茶, 安化, 黑茶) and its names whole (category, seller).
 */
export function suggestionTerms(title: string, names: readonly string[]): string[] {
  const terms = new Set<string>();
  for (const word of words(title)) {
    const length = [...word].length;
    if (/^\p{Script=Han}+$/u.test(word) && length >= 2 && length <= MAX_TERM_CHARACTERS) terms.add(word);
  }
  for (const name of names) {
    const clean = normalise(name).trim();
    if (clean && [...clean].length <= MAX_TERM_CHARACTERS) terms.add(clean);
  }
  return [...terms];
}

/** Queries longer than this are cut (a search box, not a document). */
export const MAX_QUERY_CHARACTERS = 100;

/** One thing a query asks for, and the tokens any of which satisfies it; `all` tokens together satisfy it too. */
export interface QueryUnit {
  text: string;
  any: QueryToken[];
  /** the word's character pairs, all of which together also satisfy it (a word the index split differently) */
  all: string[];
}

/**
 * What a query asks for: one unit per word. A Chinese word is satisfied by itself, by its pinyin
 * (which catches homophones typed with a pinyin keyboard), by its synonyms, or by all of its
 * character pairs; a single character by itself or its syllable; letters by any token starting
 * with them (pinyin, initials, a latin word); digits by themselves. Tokens are letters and digits
 * only, so nothing a user types can become query syntax. People repeat queries, so the latest
 * analyses are kept; the units are shared and never changed.
 */
export const queryUnits: (raw: string) => readonly QueryUnit[] = memo(analyseQuery, 10_000);

function analyseQuery(raw: string): QueryUnit[] {
  const text = [...normalise(raw)].slice(0, MAX_QUERY_CHARACTERS).join('');
  const units: QueryUnit[] = [];
  for (const part of text.split(/[^\p{L}\p{N}]+/u).filter(Boolean)) {
    for (const word of CJK.test(part) ? readingWords(part) : [part]) {
      const clean = cleanToken(word);
      if (!clean) continue;
      if (!CJK.test(clean)) {
        units.push({ text: clean, any: [{ token: clean, prefix: /^\p{L}+$/u.test(clean) }], all: [] });
        continue;
      }
      const any = [{ token: clean, prefix: false }];
      const spelled = pinyinOf(clean);
      if (spelled && spelled !== clean) any.push({ token: spelled, prefix: false });
      const group = synonymOfWord.get(clean);
      if (group) any.push({ token: `syn${group}`, prefix: false });
      units.push({ text: clean, any, all: [...clean].length > 2 ? pairs(clean) : [] });
    }
  }
  return units;
}

/** A query token as PostgreSQL tsquery text: `b`, or `b:*` for a prefix. */
function tsqueryToken(t: QueryToken): string {
  return t.prefix ? `${t.token}:*` : t.token;
}

/** A unit as PostgreSQL tsquery text: `(a | b:* | (p1 & p2))`. Tokens are letters and digits only. */
function unitToTsquery(unit: QueryUnit): string {
  const alternatives = unit.any.map(tsqueryToken);
  if (unit.all.length) alternatives.push(`(${unit.all.join(' & ')})`);
  return alternatives.length === 1 ? alternatives[0]! : `(${alternatives.join(' | ')})`;
}

/** Every unit, all required. */
export function strictTsquery(units: readonly QueryUnit[]): string {
  return units.map(unitToTsquery).join(' & ');
}

export interface QueryToken {
  token: string;
  /** any token starting with it */
  prefix: boolean;
}

/**
 * Any unit or any character pair of the query, each once: what a query nothing matches in full (a
 * mistyped character) is answered with, and what a title is ranked by.
 */
export function relaxedAlternatives(units: readonly QueryUnit[]): QueryToken[] {
  const alternatives = new Map<string, QueryToken>();
  const add = (token: string, prefix = false) => alternatives.set(tsqueryToken({ token, prefix }), { token, prefix });
  for (const unit of units) {
    for (const t of unit.any) add(t.token, t.prefix);
    for (const pair of unit.all) add(pair);
    if ([...unit.text].length <= 2 && CJK.test(unit.text)) for (const char of unit.text) add(char);
  }
  return [...alternatives.values()];
}

/** Alternatives as PostgreSQL tsquery text: `a | b:* | c`. */
export function alternativesTsquery(alternatives: readonly QueryToken[]): string {
  return alternatives.map(tsqueryToken).join(' | ');
}

/** The relaxed alternatives of a query as PostgreSQL tsquery text. */
export function relaxedTsquery(units: readonly QueryUnit[]): string {
  return alternativesTsquery(relaxedAlternatives(units));
}

/**
 * Whether a relaxed search could find what the strict one did not: there are alternatives, and
 * they are not the strict query itself (one word with one spelling). Both engines ask this before
 * a second, relaxed search.
 */
export function relaxingHelps(units: readonly QueryUnit[], alternatives: readonly QueryToken[] = relaxedAlternatives(units)): boolean {
  return alternatives.length > 0 && alternativesTsquery(alternatives) !== strictTsquery(units);
}

export interface TextSegment {
  text: string;
  match: boolean;
}

const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * Titles cut into parts that match the query and parts that do not, for highlighting: Chinese
 * query words and their pairs, latin words, and the Chinese words whose pinyin or initials were
 * typed, wherever they appear. No markup: the client draws it. The query's own needles are worked
 * out once for a page of titles; only typed pinyin needs each title's words.
 */
export function highlighter(units: readonly QueryUnit[]): (title: string) => TextSegment[] {
  const fixed = new Set<string>();
  const spelled: string[] = [];
  for (const unit of units) {
    if (CJK.test(unit.text)) {
      fixed.add(unit.text);
      for (const pair of unit.all) fixed.add(pair);
    } else if (unit.text.length > 1) {
      fixed.add(unit.text);
      spelled.push(unit.text);
    }
  }
  return (title) => {
    let needles: Iterable<string> = fixed;
    if (spelled.length) {
      // pinyin or initials typed for a Chinese word of the title: anhua, heicha, ahhc → 安化黑茶
      const withWords = new Set(fixed);
      for (const word of words(title)) {
        if (CJK.test(word) && spelled.some((typed) => pinyinOf(word).startsWith(typed) || initialsOf(word).startsWith(typed))) withWords.add(word);
      }
      needles = withWords;
    }
    return segmentsOf(title, needles);
  };
}

/** One title's parts; see highlighter. */
export function highlight(title: string, units: readonly QueryUnit[]): TextSegment[] {
  return highlighter(units)(title);
}

function segmentsOf(title: string, needles: Iterable<string>): TextSegment[] {
  const lower = normalise(title);
  // positions compare as characters; without surrogate pairs, a UTF-16 index is a character's
  if (SURROGATE.test(title) || SURROGATE.test(lower)) return segmentsByCharacter(title, lower, needles);
  if (lower.length !== title.length) return title ? [{ text: title, match: false }] : [];
  const marked = new Uint8Array(title.length);
  for (const needle of needles) {
    if (!needle) continue;
    for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, at + 1)) marked.fill(1, at, at + needle.length);
  }
  const segments: TextSegment[] = [];
  let from = 0;
  for (let i = 1; i <= title.length; i++) {
    if (i < title.length && marked[i] === marked[from]) continue;
    segments.push({ text: title.slice(from, i), match: marked[from] === 1 });
    from = i;
  }
  return segments;
}

/** The same for a title with characters outside the basic plane: compared as arrays of characters. */
function segmentsByCharacter(title: string, lower: string, needles: Iterable<string>): TextSegment[] {
  const chars = [...title];
  const lowerChars = [...lower];
  const marked = new Array<boolean>(chars.length).fill(false);
  if (lowerChars.length === chars.length) {
    for (const needle of needles) {
      const n = [...needle];
      if (!n.length) continue;
      for (let i = 0; i + n.length <= lowerChars.length; i++) {
        if (n.every((c, k) => lowerChars[i + k] === c)) for (let k = 0; k < n.length; k++) marked[i + k] = true;
      }
    }
  }
  const segments: TextSegment[] = [];
  chars.forEach((char, i) => {
    const last = segments[segments.length - 1];
    if (last && last.match === marked[i]) last.text += char;
    else segments.push({ text: char, match: marked[i]! });
  });
  return segments;
}
