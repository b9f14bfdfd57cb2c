import type { StorybookConfig } from '@storybook/web-components-vite';

/**
 * Storybook for the portal widgets. The widgets read their data over HTTP, as
 * on a real portal, so the fixtures are served next to the preview iframe:
 *
 *   /fixtures/...        the demo portal's data (portal.json, images, logos, files)
 *   /story-fixtures/...  small files for the empty and error states
 *   /docs-files/...      docs/: the screenshot and the JSON mapping examples the
 *                        guide pages (stories/guide/*.mdx) show and link to (not
 *                        /docs/, where the dev server serves those pages' Markdown
 *                        as modules)
 *
 * Both `storybook dev` and the static build serve `iframe.html` from the site
 * root, so stories can name these files with a relative URL.
 */
const config: StorybookConfig = {
  stories: ['../stories/guide/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs'],
  framework: {
    name: '@storybook/web-components-vite',
    options: {},
  },
  core: {
    // Builds run offline and in CI: no usage reports.
    disableTelemetry: true,
  },
  staticDirs: [
    { from: '../demo/fixtures', to: '/fixtures' },
    { from: '../stories/fixtures', to: '/story-fixtures' },
    { from: '../docs', to: '/docs-files' },
  ],
  async viteFinal(viteConfig) {
    const { mergeConfig } = await import('vite');
    return mergeConfig(viteConfig, {
      // Without pre-bundling this helper, the dev server loads lit-html twice
      // ("Multiple versions of Lit loaded") and directives break.
      optimizeDeps: { include: ['lit/directive-helpers.js'] },
    });
  },
};

export default config;
