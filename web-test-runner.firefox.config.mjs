// The browser suite in Firefox: `npm run test:firefox`. The same test server
// and test files as the Chromium run (web-test-runner.config.mjs), in the
// stock Firefox (Debian's firefox-esr, or FIREFOX_PATH), driven over WebDriver
// BiDi by puppeteer-core; nothing is downloaded.
//
// No Firefox driver can switch media features for a test (print, reduced
// motion: emulateMedia is a DevTools-protocol command), so Firefox starts with
// reduced motion as the user's preference (tests that only want final figures
// at once get them; see test/helpers/motion.ts), the count-up's own tests stay
// in Chromium, and the two tests that must switch a media feature skip that
// part here, saying so.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromeLauncher } from '@web/test-runner-chrome';
import * as puppeteer from 'puppeteer-core';
import chromiumConfig from './web-test-runner.config.mjs';

/** FIREFOX_PATH, or the first Firefox on the PATH. */
function findFirefox() {
  const given = process.env.FIREFOX_PATH;
  if (given) {
    if (!existsSync(given)) throw new Error(`FIREFOX_PATH=${given} does not exist`);
    return given;
  }
  for (const name of ['firefox-esr', 'firefox']) {
    try {
      return execFileSync('which', [name], { encoding: 'utf8' }).trim();
    } catch {
      // not this one
    }
  }
  throw new Error(
    'No Firefox found: install it (Debian: sudo apt-get install firefox-esr) or set FIREFOX_PATH.',
  );
}

/**
 * A new page whose setViewport survives a Firefox without
 * `emulation.setScreenOrientationOverride`: puppeteer sends it beside the
 * viewport size, which Firefox does apply, and the test runner calls
 * setViewport before every test file. Firefox ESR 140.12 answers it with
 * "unknown command"; any other error still fails the run.
 */
async function createPage({ context }) {
  const page = await context.newPage();
  const setViewport = page.setViewport.bind(page);
  page.setViewport = async (viewport) => {
    try {
      await setViewport(viewport);
    } catch (error) {
      if (!/setScreenOrientationOverride/.test(String(error?.message))) throw error;
    }
  };
  return page;
}

export default {
  ...chromiumConfig,
  files: [...chromiumConfig.files, '!test/elements/visit-stats-motion.test.ts'],
  browsers: [
    chromeLauncher({
      puppeteer,
      createPage,
      launchOptions: {
        browser: 'firefox',
        executablePath: findFirefox(),
        headless: true,
        extraPrefsFirefox: { 'ui.prefersReducedMotion': 1 },
      },
    }),
  ],
};
