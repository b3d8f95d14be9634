import { describe, expect, it } from 'vitest';

import {
  list,
  parseXml,
  XmlShapeError,
  type XmlNode,
} from '../../scripts/qualys/xml.ts';

const PROLOG =
  '<?xml version="1.0" encoding="UTF-8" ?>\n' +
  '<!DOCTYPE HOST_LIST_OUTPUT SYSTEM "https://qualysapi.example/api/2.0/fo/asset/host/dtd/list/output.dtd">\n' +
  '<!-- evaluation //-->\n';

function shapeError(body: string): XmlShapeError {
  try {
    parseXml(body);
  } catch (error) {
    if (error instanceof XmlShapeError) return error;
    throw error;
  }
  throw new Error('expected an XmlShapeError');
}

describe('parseXml', () => {
  it('keeps a host ID single while a one-element ID_SET/ID is a list', () => {
    const body = `${PROLOG}<HOST_LIST_OUTPUT><RESPONSE>
      <HOST_LIST><HOST><ID>00042</ID><IP>10.0.0.1</IP>
        <DNS><![CDATA[ a.example ]]></DNS></HOST></HOST_LIST>
      <ID_SET><ID>7</ID></ID_SET>
    </RESPONSE></HOST_LIST_OUTPUT>\n<!-- after //-->`;

    const { root, node } = parseXml(body);
    const response = node['RESPONSE'] as XmlNode;
    const hosts = (response['HOST_LIST'] as XmlNode)['HOST'] as XmlNode[];

    expect(root).toBe('HOST_LIST_OUTPUT');
    expect(hosts).toEqual([{ ID: '00042', IP: '10.0.0.1', DNS: 'a.example' }]);
    expect((response['ID_SET'] as XmlNode)['ID']).toEqual(['7']);
  });

  it.each([
    ['IP_SET/IP', '<IP_SET><IP>10.0.0.1</IP></IP_SET>', 'IP_SET', 'IP'],
    [
      'DETECTION_LIST/DETECTION',
      '<DETECTION_LIST><DETECTION><QID>1</QID></DETECTION></DETECTION_LIST>',
      'DETECTION_LIST',
      'DETECTION',
    ],
    [
      'ITEM_LIST/ITEM',
      '<ITEM_LIST><ITEM><KEY>ID</KEY><VALUE>9</VALUE></ITEM></ITEM_LIST>',
      'ITEM_LIST',
      'ITEM',
    ],
  ])('makes a single %s a list', (_name, inner, parent, name) => {
    const { node } = parseXml(`<R>${inner}</R>`);
    expect(Array.isArray((node[parent] as XmlNode)[name])).toBe(true);
  });

  it('reads XML entities and leaves CDATA text as written', () => {
    const { node } = parseXml(
      '<R><A>a &amp; b &lt;c&gt;</A><B>\n  <![CDATA[ x &amp; y ]]>\n</B></R>',
    );
    expect(node).toEqual({ A: 'a & b <c>', B: 'x &amp; y' });
  });

  it('refuses a billion-laughs DOCTYPE instead of expanding it', () => {
    const body =
      '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n' +
      '<!ENTITY lol "lol">\n' +
      '<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n' +
      '<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">\n' +
      ']>\n<lolz>&lol2;</lolz>';
    const error = shapeError(body);
    expect(error.message).toBe(
      'the XML DOCTYPE declares entities; refused (entities are never expanded)',
    );
    expect(error.kind).toBe('unexpected');
  });

  it.each([
    ['an empty body', '', 'the XML body is empty'],
    ['blank text', '  \n ', 'the XML body is empty'],
    [
      'a body cut after an element',
      `${PROLOG}<HOST_LIST_OUTPUT><RESPONSE><DATETIME>x</DATETIME>`,
      'not well-formed XML at line 4: the body ends before its elements are closed (truncated)',
    ],
    [
      'a longer body cut after an element',
      `${PROLOG}\n<HOST_LIST_OUTPUT>\n<RESPONSE>\n<DATETIME>x</DATETIME>\n`,
      'not well-formed XML at line 7: the body ends before its elements are closed (truncated)',
    ],
    [
      'a body cut inside a tag',
      '<R><HOST_LIST><HOST><ID>1</ID></HO',
      'not well-formed XML at line 1: ',
    ],
    [
      'mismatched tags',
      '<R><A>x</B></R>',
      "not well-formed XML at line 1: Expected closing tag 'A' (opened in line 1, col 4) instead of closing tag 'B'.",
    ],
    ['plain text', 'Service Unavailable', 'not well-formed XML at line 1: '],
    ['two roots', '<A/><B/>', 'XML has no single root element'],
  ])('rejects %s as malformed', (_case, body, message) => {
    const error = shapeError(body);
    expect(error.kind).toBe('malformed');
    expect(error.message.startsWith(message)).toBe(true);
  });

  it('gives an empty root element as an empty node', () => {
    expect(parseXml('<SIMPLE_RETURN></SIMPLE_RETURN>')).toEqual({
      root: 'SIMPLE_RETURN',
      node: {},
    });
  });
});

describe('list', () => {
  it.each([
    [undefined, []],
    ['', []],
    ['a', ['a']],
    [
      ['a', 'b'],
      ['a', 'b'],
    ],
  ])('turns %j into %j', (value, expected) => {
    expect(list(value)).toEqual(expected);
  });
});
