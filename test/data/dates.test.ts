import { expect } from '@open-wc/testing';
import { DEFAULT_TIME_ZONE, checkTimeZone, parseDate } from '../../src/data/dates.js';
import { ConfigError } from '../../src/data/errors.js';

const HCM = 'Asia/Ho_Chi_Minh';

describe('parseDate', () => {
  it('defaults to the portal zone', () => {
    expect(DEFAULT_TIME_ZONE).to.equal('Asia/Ho_Chi_Minh');
  });

  it('reads an offset-less date-time as wall-clock time in the zone', () => {
    expect(parseDate('2020-02-26T10:05:00', HCM)).to.equal('2020-02-26T03:05:00.000Z');
    expect(parseDate('2020-02-26 10:05', HCM)).to.equal('2020-02-26T03:05:00.000Z');
    expect(parseDate('2020-02-26T10:05:00.5', HCM)).to.equal('2020-02-26T03:05:00.500Z');
  });

  it('reads a date alone as midnight in the zone (not UTC midnight)', () => {
    expect(parseDate('2020-02-26', HCM)).to.equal('2020-02-25T17:00:00.000Z');
  });

  it('keeps an explicit offset and ignores the zone', () => {
    expect(parseDate('2020-02-26T10:05:00+07:00', HCM)).to.equal('2020-02-26T03:05:00.000Z');
    expect(parseDate('2020-02-26T10:05:00Z', HCM)).to.equal('2020-02-26T10:05:00.000Z');
    expect(parseDate('2020-02-26T10:05:00-0330', HCM)).to.equal('2020-02-26T13:35:00.000Z');
    expect(parseDate('2020-02-26T10:05:00+07', 'UTC')).to.equal('2020-02-26T03:05:00.000Z');
  });

  it('follows daylight saving in zones that have it', () => {
    // Berlin: UTC+1 in winter, UTC+2 in summer.
    expect(parseDate('2021-01-15T12:00:00', 'Europe/Berlin')).to.equal('2021-01-15T11:00:00.000Z');
    expect(parseDate('2021-07-15T12:00:00', 'Europe/Berlin')).to.equal('2021-07-15T10:00:00.000Z');
    expect(parseDate('2021-07-15T12:00:00', 'America/New_York')).to.equal(
      '2021-07-15T16:00:00.000Z',
    );
  });

  it('reads years 0–99 as themselves in a zone, not as 1900–1999', () => {
    expect(parseDate('0050-06-01T12:00:00', 'UTC')).to.equal('0050-06-01T12:00:00.000Z');
    expect(parseDate('0099-12-31', 'UTC')).to.equal('0099-12-31T00:00:00.000Z');
  });

  it('rejects RFC 822 fields out of range like ISO ones', () => {
    expect(parseDate('Wed, 29 Feb 2021 10:05:00 GMT', HCM)).to.equal(undefined);
    expect(parseDate('Wed, 26 Feb 2020 24:00:00 GMT', HCM)).to.equal(undefined);
    expect(parseDate('Wed, 26 Feb 2020 10:05:60 +0700', HCM)).to.equal(undefined);
  });

  it('reads RFC 822 dates as in RSS pubDate', () => {
    expect(parseDate('Wed, 26 Feb 2020 10:05:00 +0700', HCM)).to.equal('2020-02-26T03:05:00.000Z');
    expect(parseDate('Wed, 26 Feb 2020 03:05:00 GMT', HCM)).to.equal('2020-02-26T03:05:00.000Z');
    expect(parseDate('26 Feb 2020 10:05 EST', HCM)).to.equal('2020-02-26T15:05:00.000Z');
    expect(parseDate('Wed, 26 Feb 20 03:05:00 UT', HCM)).to.equal('2020-02-26T03:05:00.000Z');
    // No zone: read in the portal's zone like every offset-less date.
    expect(parseDate('Wed, 26 Feb 2020 10:05:00', HCM)).to.equal('2020-02-26T03:05:00.000Z');
  });

  it('accepts epoch milliseconds', () => {
    expect(parseDate(Date.UTC(2020, 1, 26, 3, 5), HCM)).to.equal('2020-02-26T03:05:00.000Z');
    expect(parseDate(0, HCM)).to.equal('1970-01-01T00:00:00.000Z');
  });

  it('returns undefined for anything invalid, never "Invalid Date"', () => {
    const invalid: unknown[] = [
      undefined,
      null,
      '',
      '   ',
      'hôm qua',
      'not a date',
      '2020-02-30T10:00:00',
      '2021-02-29',
      '2020-13-01',
      '2020-02-26T24:00:00',
      '2020-02-26T10:60:00',
      '2020-02-26T10:05:00+25:00',
      '26/02/2020',
      'Wed, 32 Feb 2020 10:05:00 GMT',
      'Wed, 26 Foo 2020 10:05:00 GMT',
      'Wed, 26 Feb 2020 10:05:00 XYZ',
      NaN,
      Infinity,
      1e20,
      true,
      {},
      [],
      ['2020-02-26'],
      new Date('nope'),
    ];
    for (const value of invalid) {
      expect(parseDate(value, HCM), JSON.stringify(value) ?? String(value)).to.equal(undefined);
    }
  });

  it('returns undefined for offset-less dates in an unknown zone instead of throwing', () => {
    expect(parseDate('2020-02-26T10:05:00', 'Mars/Olympus')).to.equal(undefined);
    // An explicit offset needs no zone.
    expect(parseDate('2020-02-26T10:05:00Z', 'Mars/Olympus')).to.equal('2020-02-26T10:05:00.000Z');
  });

  it('checkTimeZone rejects unknown zones with a ConfigError', () => {
    expect(checkTimeZone(HCM)).to.equal(HCM);
    expect(() => checkTimeZone('Mars/Olympus')).to.throw(ConfigError);
  });
});
