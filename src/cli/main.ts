/// <reference types="node" />
/**
 * The `portal-widgets` command: `init` turns a portal's address into a
 * working snippet, `check` says what is wrong with a page that embeds the
 * boxes. Exit codes: 0 nothing at level error, 1 errors found (or nothing
 * recognised), 2 the address could not be reached or the command was misused.
 */
import { parseArgs } from 'node:util';
import { check } from './check.js';
import { init, Unreachable } from './init.js';
import { messages, type CliLang, type Messages, type Problem } from './messages.js';

const EXIT_OK = 0;
const EXIT_PROBLEMS = 1;
const EXIT_UNREACHABLE = 2;

function print(problems: Problem[], t: Messages): void {
  // One stream, so the report reads in order; the exit code tells scripts the outcome.
  for (const problem of problems) {
    process.stdout.write(`${t.levels[problem.level]}: ${problem.message}\n`);
    if (problem.fix) process.stdout.write(`  ${t.fixLabel}: ${problem.fix}\n`);
  }
}

const exitCodeOf = (problems: Problem[]) =>
  problems.some((problem) => problem.level === 'error') ? EXIT_PROBLEMS : EXIT_OK;

/** Runs the command line `args` (without node and the script); resolves to the exit code. */
export async function main(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        origin: { type: 'string' },
        counter: { type: 'string' },
        script: { type: 'string' },
        lang: { type: 'string', default: 'vi' },
        json: { type: 'boolean', default: false },
        timeout: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    const t = messages('vi');
    process.stderr.write(`${t.badUsage((error as Error).message)}\n\n${t.usage}\n`);
    return EXIT_UNREACHABLE;
  }
  const { values, positionals } = parsed;
  const lang: CliLang = values.lang === 'en' ? 'en' : 'vi';
  const t = messages(lang);
  const [command, address, ...extra] = positionals;
  if (values.help || !command) {
    process.stdout.write(`${t.usage}\n`);
    return values.help ? EXIT_OK : EXIT_UNREACHABLE;
  }
  const misuse = (what: string) => {
    process.stderr.write(`${t.badUsage(what)}\n\n${t.usage}\n`);
    return EXIT_UNREACHABLE;
  };
  if (command !== 'init' && command !== 'check') return misuse(command);
  if (!address || extra.length > 0) return misuse(positionals.join(' '));
  if (values.lang !== 'vi' && values.lang !== 'en') return misuse(`--lang ${values.lang}`);
  let url: string;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(address) ? address : `https://${address}`).href;
  } catch {
    return misuse(address);
  }
  const timeoutMs = values.timeout ? Number(values.timeout) * 1000 : undefined;
  if (timeoutMs !== undefined && !(timeoutMs > 0)) return misuse(`--timeout ${values.timeout}`);
  if (values.origin) {
    try {
      new URL(values.origin);
    } catch {
      return misuse(`--origin ${values.origin}`);
    }
  }

  try {
    if (command === 'init') {
      const result = await init(url, {
        lang,
        ...(values.origin ? { origin: values.origin } : {}),
        ...(values.counter ? { counter: values.counter } : {}),
        ...(values.script ? { script: values.script } : {}),
        ...(timeoutMs ? { timeoutMs } : {}),
      });
      if (values.json) {
        process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      } else {
        process.stdout.write(`${t.report(url)}\n\n`);
        print(result.problems, t);
        if (result.snippet) process.stdout.write(`\n${t.snippet}:\n\n${result.snippet}\n`);
      }
      return result.type ? exitCodeOf(result.problems) : EXIT_PROBLEMS;
    }
    const result = await check(url, { lang, ...(timeoutMs ? { timeoutMs } : {}) });
    if (values.json) {
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    } else {
      print(result.problems, t);
      const count = (level: Problem['level']) =>
        result.problems.filter((p) => p.level === level).length;
      process.stdout.write(`\n${t.summary(count('error'), count('warning'))}\n`);
    }
    return exitCodeOf(result.problems);
  } catch (error) {
    if (!(error instanceof Unreachable)) throw error;
    const problem: Problem = {
      level: 'error',
      message: t.unreachable(error.url, error.reason),
      fix: t.unreachableFix,
      url: error.url,
    };
    if (values.json) {
      const empty =
        command === 'init'
          ? { type: null, baseUrl: null, attributes: {}, categories: [], snippet: '' }
          : {};
      process.stdout.write(`${JSON.stringify({ ...empty, problems: [problem] }, null, 2)}\n`);
    } else {
      print([problem], t);
    }
    return EXIT_UNREACHABLE;
  }
}

// Not awaited at the top level: in the single-file build the adapters come after
// this module's code, and a top-level await would run the command before them.
void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
