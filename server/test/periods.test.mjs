import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkTimeZone, createCalendar } from '../dist/index.js';

describe('local periods', () => {
  const hanoi = createCalendar('Asia/Ho_Chi_Minh');

  it('turns the day over at local midnight, not at midnight UTC', () => {
    // 16:59:59 UTC on 31 December is 23:59:59 in Hanoi.
    assert.deepEqual(hanoi(Date.UTC(2024, 11, 31, 16, 59, 59)), {
      day: '2024-12-31',
      yesterday: '2024-12-30',
      week: '2024-12-30',
      month: '2024-12',
      year: '2024',
    });
    assert.deepEqual(hanoi(Date.UTC(2024, 11, 31, 17, 0, 0)), {
      day: '2025-01-01',
      yesterday: '2024-12-31',
      week: '2024-12-30',
      month: '2025-01',
      year: '2025',
    });
  });

  it('starts weeks on Monday and keeps a week across a month or year', () => {
    // Sunday 5 January 2025, 23:00 local, is still the week of Monday 30 December.
    assert.equal(hanoi(Date.UTC(2025, 0, 5, 16)).week, '2024-12-30');
    // Monday 6 January, 00:00 local.
    assert.equal(hanoi(Date.UTC(2025, 0, 5, 17)).week, '2025-01-06');
    // 1 March of a leap year: yesterday is 29 February.
    assert.equal(hanoi(Date.UTC(2024, 2, 1, 5)).yesterday, '2024-02-29');
  });

  it('follows daylight saving time in zones that have it', () => {
    const berlin = createCalendar('Europe/Berlin');
    // Summer (UTC+2): 22:30 UTC is already the next day in Berlin.
    assert.equal(berlin(Date.UTC(2024, 6, 1, 22, 30)).day, '2024-07-02');
    // Winter (UTC+1): 22:30 UTC is still the same day.
    assert.equal(berlin(Date.UTC(2024, 0, 1, 22, 30)).day, '2024-01-01');
  });

  it('refuses an unknown time zone with a clear message', () => {
    assert.throws(() => checkTimeZone('Asia/Hanoi_City'), {
      name: 'RangeError',
      message: /Unknown time zone "Asia\/Hanoi_City"/,
    });
    assert.equal(checkTimeZone('UTC'), 'UTC');
  });
});
