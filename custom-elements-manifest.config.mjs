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

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts', 'src/**/*.d.ts'],
  outdir: '.',
  litelement: true,
  plugins: [guardedDefinePlugin()],
};
