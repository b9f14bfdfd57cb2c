/**
 * Dates in a pattern a backend names (`dateFormat`: `dd/MM/yyyy HH:mm`, …).
 * Only the json adapter's mapping uses it, so it is kept apart from dates.ts
 * and travels in that lazy chunk instead of every page's static bytes.
 */

import { fieldsToIso } from './dates.js';
import { ConfigError } from './errors.js';

const FORMAT_TOKENS: Record<string, string> = {
  dd: 'day',
  MM: 'month',
  yyyy: 'year',
  HH: 'hour',
  mm: 'minute',
  ss: 'second',
};

/** A date pattern compiled once: the regular expression and the field of each group. */
export interface DateFormat {
  readonly pattern: string;
  readonly regex: RegExp;
  readonly groups: readonly string[];
}

/**
 * Compiles a date pattern such as `dd/MM/yyyy HH:mm` (tokens `dd`, `MM`,
 * `yyyy`, `HH`, `mm`, `ss`; any other character stands for itself).
 *
 * @throws {ConfigError} when the pattern lacks `dd`, `MM` or `yyyy`, or repeats a token.
 */
export function compileDateFormat(pattern: unknown): DateFormat {
  if (typeof pattern !== 'string' || pattern.trim() === '') {
    throw new ConfigError('"dateFormat" must be a pattern such as "dd/MM/yyyy HH:mm".');
  }
  const groups: string[] = [];
  let source = '';
  for (const part of pattern.trim().split(/(yyyy|dd|MM|HH|mm|ss)/)) {
    const field = FORMAT_TOKENS[part];
    if (field === undefined) {
      // Literal text; a space also matches several spaces.
      source += part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ +/g, '\\s+');
      continue;
    }
    if (groups.includes(field)) {
      throw new ConfigError(`"dateFormat" "${pattern}" has the token ${part} twice.`);
    }
    groups.push(field);
    source += field === 'year' ? '(\\d{4})' : '(\\d{1,2})';
  }
  for (const token of ['dd', 'MM', 'yyyy']) {
    if (!groups.includes(FORMAT_TOKENS[token]!)) {
      throw new ConfigError(
        `"dateFormat" "${pattern}" needs dd, MM and yyyy (tokens: dd MM yyyy HH mm ss).`,
      );
    }
  }
  return { pattern, regex: new RegExp(`^${source}$`), groups };
}

/**
 * Reads `value` with a compiled {@link DateFormat}, as wall-clock time in
 * `timeZone`. Returns `undefined` when it does not match or is not a real date.
 */
export function parseDateWithFormat(
  value: string,
  format: DateFormat,
  timeZone: string,
): string | undefined {
  const match = format.regex.exec(value.trim());
  if (!match) return undefined;
  const fields: Record<string, number> = { hour: 0, minute: 0, second: 0 };
  format.groups.forEach((field, index) => {
    fields[field] = Number(match[index + 1]);
  });
  return fieldsToIso(
    [fields.year!, fields.month!, fields.day!, fields.hour!, fields.minute!, fields.second!, 0],
    undefined,
    timeZone,
  );
}
