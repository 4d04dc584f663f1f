/**
 * Just enough XML for the parts of an .xlsx package: elements, attributes, text and CDATA, with
 * namespace prefixes dropped (Excel writes `<c>`, other producers `<x:c>`). No DTDs, no external
 * entities: only the five predefined entities and character references are decoded.
 */
export type XmlElement = { name: string; attrs: Record<string, string>; children: XmlNode[] };
export type XmlNode = XmlElement | string;

const TOKEN =
  /<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->|<[?!][\s\S]*?>|<\/\s*([^\s>]+)\s*>|<([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
const ATTR = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const ENTITY = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

const local = (name: string): string => name.slice(name.indexOf(':') + 1);

export const decodeEntities = (s: string): string =>
  s.replace(ENTITY, (_, hex: string | undefined, dec: string | undefined, named: string | undefined) =>
    named ? NAMED[named]! : String.fromCodePoint(parseInt(hex ?? dec ?? '0', hex ? 16 : 10)),
  );

/** Parses a document into its root element; throws on unbalanced tags or a missing root. */
export const parseXml = (source: string): XmlElement => {
  const root: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  for (const m of source.matchAll(TOKEN)) {
    const top = stack[stack.length - 1]!;
    const [, cdata, closing, opening, attrText, selfClosing, text] = m;
    if (cdata !== undefined) top.children.push(cdata);
    else if (closing !== undefined) {
      if (stack.length < 2 || top.name !== local(closing)) throw new Error(`unbalanced </${closing}>`);
      stack.pop();
    } else if (opening !== undefined) {
      const attrs: Record<string, string> = {};
      for (const a of (attrText ?? '').matchAll(ATTR))
        attrs[local(a[1]!)] = decodeEntities(a[2] ?? a[3] ?? '');
      const el: XmlElement = { name: local(opening), attrs, children: [] };
      top.children.push(el);
      if (!selfClosing) stack.push(el);
    } else if (text !== undefined && stack.length > 1) top.children.push(decodeEntities(text));
  }
  const first = root.children.find((c): c is XmlElement => typeof c !== 'string');
  if (stack.length !== 1 || !first) throw new Error('not a complete XML document');
  return first;
};

export const elements = (el: XmlElement, name: string): XmlElement[] =>
  el.children.filter((c): c is XmlElement => typeof c !== 'string' && c.name === name);

export const element = (el: XmlElement, name: string): XmlElement | undefined => elements(el, name)[0];

/** The text of an element and its descendants, leaving out the subtrees named in `skip`. */
export const textOf = (el: XmlElement, skip: ReadonlySet<string> = new Set()): string =>
  el.children.map((c) => (typeof c === 'string' ? c : skip.has(c.name) ? '' : textOf(c, skip))).join('');

export const escapeXml = (s: string): string =>
  s.replace(/[&<>"]/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[c]};`);
