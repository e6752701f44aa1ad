import { expect } from '@open-wc/testing';
import { buildIcs, foldLine, icsDate, icsText } from '../../src/core/calendar.js';

/** Unfolds (RFC 5545 3.1) and splits into content lines. */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '').split('\r\n');

describe('buildIcs (RFC 5545)', () => {
  const ics = buildIcs({
    uid: 'show-42@shop.example',
    title: 'Winter drop; live, with Ava\\friends\nand more',
    start: new Date('2026-11-22T18:00:00+01:00'),
    durationMinutes: 90,
    url: 'https://shop.example/live',
    description: 'Hosted by Ava',
    now: new Date('2026-11-20T09:30:15.123Z'),
  });

  it('ends every line with CRLF, and has no bare LF or CR', () => {
    expect(ics.endsWith('\r\n')).to.equal(true);
    expect(ics.replace(/\r\n/g, '')).to.not.match(/[\r\n]/);
  });

  it('is one VCALENDAR with VERSION and PRODID and one VEVENT with UID, DTSTAMP, DTSTART and DTEND in UTC', () => {
    const lines = unfold(ics);
    expect(lines[0]).to.equal('BEGIN:VCALENDAR');
    expect(lines.at(-2)).to.equal('END:VCALENDAR');
    expect(lines).to.include('VERSION:2.0');
    expect(lines.some((l) => l.startsWith('PRODID:'))).to.equal(true);
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).to.have.length(1);
    expect(lines).to.include('UID:show-42@shop.example');
    expect(lines).to.include('DTSTAMP:20261120T093015Z');
    expect(lines).to.include('DTSTART:20261122T170000Z');
    expect(lines).to.include('DTEND:20261122T183000Z');
    expect(lines).to.include('URL:https://shop.example/live');
  });

  it('escapes TEXT values: backslash, semicolon, comma and newline', () => {
    expect(unfold(ics)).to.include('SUMMARY:Winter drop\\; live\\, with Ava\\\\friends\\nand more');
    expect(icsText('a\r\nb')).to.equal('a\\nb');
  });

  it('folds lines longer than 75 octets without splitting a character', () => {
    const long = `SUMMARY:${'é'.repeat(80)}`;
    const folded = foldLine(long);
    const encoder = new TextEncoder();
    for (const part of folded.split('\r\n')) expect(encoder.encode(part).length).to.be.at.most(75);
    expect(folded.replace(/\r\n /g, '')).to.equal(long);
    expect(folded).to.not.contain('\uFFFD');
  });

  it('formats DATE-TIME in UTC form', () => {
    expect(icsDate(new Date(Date.UTC(2026, 0, 2, 3, 4, 5)))).to.equal('20260102T030405Z');
  });
});
