import { existsSync } from 'node:fs';

// The browser the page and admin suites run in: a Chromium installed on the machine when there is one
// (`CHROMIUM_PATH`, else the usual Linux packages), otherwise Playwright's own, which `npm test`
// installs first (`playwright install chromium`: a download the first time, a no-op afterwards).
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium'];

/** The machine's Chromium, or undefined when Playwright's own is to be used. */
export function systemChromium(): string | undefined {
  const chosen = process.env.CHROMIUM_PATH;
  if (chosen) {
    if (!existsSync(chosen)) throw new Error(`CHROMIUM_PATH=${chosen} does not exist`);
    return chosen;
  }
  return CANDIDATES.find((path) => existsSync(path));
}
