/**
 * Reduced motion for the tests that want final figures at once (the count-up
 * has tests of its own). Chromium switches the media feature through the test
 * runner's emulateMedia, a DevTools-protocol command. No Firefox driver can
 * switch it, so the Firefox suite starts Firefox with reduced motion as the
 * user's preference (web-test-runner.firefox.config.mjs): there it is already
 * in force, and tests that must switch media features are skipped, saying so.
 */
import { emulateMedia } from '@web/test-runner-commands';

let switched = false;

/** Whether this browser can switch media features (print, reduced motion) for a test. */
export async function canEmulateMedia(): Promise<boolean> {
  try {
    await emulateMedia({ media: 'screen' });
    return true;
  } catch {
    return false;
  }
}

/** Makes `prefers-reduced-motion: reduce` match, unless the browser's own preference does already. */
export async function reduceMotion(): Promise<void> {
  if (matchMedia('(prefers-reduced-motion: reduce)').matches) return;
  await emulateMedia({ reducedMotion: 'reduce' });
  switched = true;
}

/** Undoes {@link reduceMotion}: the browser's own preference again. */
export async function restoreMotion(): Promise<void> {
  if (!switched) return;
  await emulateMedia({ reducedMotion: 'no-preference' });
  switched = false;
}
