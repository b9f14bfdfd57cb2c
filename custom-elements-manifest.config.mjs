// Settings for `cem analyze`. The manifest describes the shipped elements only,
// so tests and stories stay out of it; it is written to the package root, where
// package.json's "customElements" field and Storybook look for it.

/** A custom element name always holds a hyphen; anything else is not a tag. */
const isTagName = (name) => typeof name === 'string' && name.includes('-');

/**
 * The elements register through a guarded helper, `defineElement('pw-x', XElement)`,
 * which the analyzer does not know: without this plugin no class gets its tag
 * name and the helper's own `customElements.define(tag, ctor)` is taken for a
 * definition of an element called "tag".
 */
function guardedDefinePlugin() {
  const calls = [];
  return {
    name: 'portal-widgets-guarded-define',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node)) return;
      const [tag, klass] = node.arguments;
      if (
        ts.isIdentifier(node.expression) &&
        node.expression.text === 'defineElement' &&
        tag &&
        ts.isStringLiteralLike(tag) &&
        klass &&
        ts.isIdentifier(klass)
      ) {
        calls.push({ tagName: tag.text, className: klass.text, definedIn: moduleDoc.path });
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      const modules = customElementsManifest.modules ?? [];
      for (const mod of modules) {
        if (!mod.exports) continue;
        mod.exports = mod.exports.filter(
          (exp) => exp.kind !== 'custom-element-definition' || isTagName(exp.name),
        );
      }
      for (const { tagName, className, definedIn } of calls) {
        const home = modules.find((mod) =>
          mod.declarations?.some((decl) => decl.kind === 'class' && decl.name === className),
        );
        if (!home) continue;
        const declaration = home.declarations.find((decl) => decl.name === className);
        declaration.tagName = tagName;
        declaration.customElement = true;
        const defineModule = modules.find((mod) => mod.path === definedIn);
        if (!defineModule) continue;
        defineModule.exports ??= [];
        if (!defineModule.exports.some((exp) => exp.name === tagName)) {
          defineModule.exports.push({
            kind: 'custom-element-definition',
            name: tagName,
            declaration: { name: className, module: home.path },
          });
        }
      }
    },
  };
}

/**
 * Lit's `static properties` lists internal state (`{ state: true }`) beside
 * the public properties, and the analyzer takes every entry for an attribute.
 * Private and protected fields are never attributes: drop them from the docs.
 */
function internalStatePlugin() {
  return {
    name: 'portal-widgets-internal-state',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules ?? []) {
        for (const declaration of mod.declarations ?? []) {
          const internal = new Set(
            (declaration.members ?? [])
              .filter((member) => member.privacy === 'private' || member.privacy === 'protected')
              .map((member) => member.name),
          );
          if (internal.size === 0) continue;
          for (const member of declaration.members) {
            if (internal.has(member.name)) delete member.attribute;
          }
          if (declaration.attributes) {
            declaration.attributes = declaration.attributes.filter(
              (attribute) => !internal.has(attribute.fieldName),
            );
          }
        }
      }
    },
  };
}

/**
 * A default written as a named constant (`timezone = DEFAULT_TIME_ZONE`) would
 * reach the docs as the constant's name. Constants declared as
 * `const NAME = 'text'` anywhere in src/ are collected, and such defaults
 *  are shown as the quoted text they stand for, as the analyzer writes other strings.
 */
function constantDefaultsPlugin() {
  const constants = new Map();
  return {
    name: 'portal-widgets-constant-defaults',
    analyzePhase({ ts, node }) {
      if (!ts.isVariableDeclaration(node) || !ts.isIdentifier(node.name)) return;
      const list = node.parent;
      if (!ts.isVariableDeclarationList(list) || !(list.flags & ts.NodeFlags.Const)) return;
      if (node.initializer && ts.isStringLiteralLike(node.initializer)) {
        constants.set(node.name.text, `'${node.initializer.text}'`);
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules ?? []) {
        for (const declaration of mod.declarations ?? []) {
          for (const entry of [...(declaration.members ?? []), ...(declaration.attributes ?? [])]) {
            if (constants.has(entry.default)) entry.default = constants.get(entry.default);
          }
        }
      }
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts', 'src/**/*.d.ts'],
  outdir: '.',
  litelement: true,
  plugins: [guardedDefinePlugin(), internalStatePlugin(), constantDefaultsPlugin()],
};
