import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import type { SBType, StrictArgTypes } from 'storybook/internal/types';
import { html } from 'lit';
import manifest from '../custom-elements.json';

/* ------------------------------------------------------------------------- *
 * The custom-elements manifest, shaped for Storybook's docs and controls.
 *
 * Storybook keys every row of the docs table by name, across attributes,
 * properties, parts and CSS properties. Our parts share names with attributes
 * (`<pw-article>` has both a `related` attribute and a `related` part), and
 * the manifest lists private and protected members too. So, in Storybook's
 * copy only: parts are named `::part(x)`, the default slot gets a name, and
 * only public fields without an attribute stay in the "properties" group.
 * ------------------------------------------------------------------------- */

interface ManifestItem {
  name: string;
  kind?: string;
  privacy?: string;
  static?: boolean;
  fieldName?: string;
  [key: string]: unknown;
}

interface ManifestDeclaration {
  tagName?: string;
  members?: ManifestItem[];
  attributes?: ManifestItem[];
  cssParts?: ManifestItem[];
  slots?: ManifestItem[];
  [key: string]: unknown;
}

interface Manifest {
  modules?: { declarations?: ManifestDeclaration[] }[];
  [key: string]: unknown;
}

function manifestForStorybook(source: Manifest): Manifest {
  const copy = structuredClone(source);
  for (const module of copy.modules ?? []) {
    for (const declaration of module.declarations ?? []) {
      if (!declaration.tagName) continue;
      const withAttribute = new Set(
        (declaration.attributes ?? []).map((attribute) => attribute.fieldName ?? attribute.name),
      );
      declaration.members = (declaration.members ?? []).filter(
        (member) =>
          member.kind === 'field' &&
          !member.static &&
          (member.privacy ?? 'public') === 'public' &&
          !withAttribute.has(member.name),
      );
      declaration.cssParts = (declaration.cssParts ?? []).map((part) => ({
        ...part,
        name: `::part(${part.name})`,
      }));
      declaration.slots = (declaration.slots ?? []).map((slot) =>
        slot.name ? slot : { ...slot, name: '(default slot)' },
      );
    }
  }
  return copy;
}

setCustomElementsManifest(manifestForStorybook(manifest as Manifest));

/* ------------------------------------------------------------------------- *
 * Controls from the manifest's attribute types.
 *
 * The manifest gives TypeScript type text ("'list' | 'featured' | 'cards'",
 * "string | undefined"), which Storybook would turn into JSON editors and
 * could not read from a story URL (`&args=layout:cards`). Turn it into enum,
 * string, number and boolean types, hence radio buttons, text, number and
 * boolean controls; rows that are documentation only (events, slots, parts,
 * CSS properties, JS-only properties) get no control. A control chosen by a
 * story always wins.
 * ------------------------------------------------------------------------- */

const documentationOnly = new Set([
  'properties',
  'events',
  'slots',
  'css custom properties',
  'css shadow parts',
]);

function controlTypeOf(typeText: string): SBType | undefined {
  const parts = typeText
    .split('|')
    .map((part) => part.trim())
    .filter((part) => part !== 'undefined' && part !== 'null');
  if (parts.length === 1 && ['string', 'number', 'boolean'].includes(parts[0])) {
    return { name: parts[0] as 'string' | 'number' | 'boolean' };
  }
  if (parts.length > 0 && parts.every((part) => /^'[^']*'$/.test(part))) {
    return { name: 'enum', value: parts.map((part) => part.slice(1, -1)) };
  }
  return undefined;
}

function controlsFromManifest({ argTypes }: { argTypes: StrictArgTypes }): StrictArgTypes {
  const result: StrictArgTypes = {};
  for (const [key, argType] of Object.entries(argTypes)) {
    const category = argType.table?.category;
    if (category === 'attributes') {
      // The type also decides how args given in the URL are read, so it is
      // set even when a story chose the control itself.
      const typeText = argType.table?.type?.summary ?? '';
      result[key] = { ...argType, type: controlTypeOf(typeText) ?? argType.type };
    } else if (category && documentationOnly.has(category) && argType.control === undefined) {
      result[key] = { ...argType, control: false };
    } else {
      result[key] = argType;
    }
  }
  return result;
}

/* ------------------------------------------------------------------------- */

const preview: Preview = {
  tags: ['autodocs'],

  globalTypes: {
    lang: {
      description: 'Language of the widgets (the lang attribute of their container)',
      toolbar: {
        title: 'Ngôn ngữ / Language',
        icon: 'globe',
        items: [
          { value: 'vi', right: 'vi', title: 'Tiếng Việt' },
          { value: 'en', right: 'en', title: 'English' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: {
    lang: 'vi',
  },

  // The widgets take their language from the nearest [lang] ancestor, as on a
  // portal page; a story can still set `lang` on the element itself.
  decorators: [
    (story, context) =>
      html`<div lang=${context.globals.lang === 'en' ? 'en' : 'vi'}>${story()}</div>`,
  ],

  argTypesEnhancers: [controlsFromManifest],

  parameters: {
    layout: 'padded',
    controls: {
      expanded: true,
      sort: 'requiredFirst',
    },
    a11y: {
      // Report violations as errors in the a11y panel (and in any test run).
      test: 'error',
    },
    docs: {
      toc: true,
    },
    options: {
      storySort: {
        order: [
          'Guide',
          [
            'Quick start',
            'Contents',
            'Embedding',
            'Elements',
            'Backends',
            'JSON mapping',
            'Canonical JSON',
            'Theming',
            'Strict CSP',
            'Deploying',
            'Counter service',
            'Troubleshooting',
            'Development',
          ],
          'Widgets',
          ['Article', 'Activity list', 'Link box', 'Visit stats'],
          'Data',
          'Pages',
        ],
      },
    },
  },
};

export default preview;
