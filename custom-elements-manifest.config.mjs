// Custom Elements Manifest (custom-elements.json), from the class JSDoc of every element.
import { readFileSync } from 'node:fs';

/**
 * Tags are registered by `defineElement('vitrine-x', VitrineX)` in each `define.ts`, which the
 * analyzer does not understand: this plugin gives each class its `tagName` (and the module its
 * `custom-element-definition` export), so tools (Storybook's autodocs, IDEs) find every element.
 */
function defineElementTags() {
  return {
    name: 'vitrine-define-element-tags',
    packageLinkPhase({ customElementsManifest }) {
      const classes = new Map();
      for (const mod of customElementsManifest.modules) {
        for (const decl of mod.declarations ?? []) if (decl.kind === 'class') classes.set(decl.name, { decl, mod });
      }
      for (const mod of customElementsManifest.modules) {
        if (!mod.path.endsWith('/define.ts')) continue;
        const source = readFileSync(mod.path, 'utf8');
        for (const [, tag, name] of source.matchAll(/defineElement\(\s*['"]([a-z][\w-]*-[\w-]*)['"]\s*,\s*(\w+)\s*\)/g)) {
          const found = classes.get(name);
          if (!found) continue;
          found.decl.tagName = tag;
          found.decl.customElement = true;
          mod.exports = [...(mod.exports ?? []), { kind: 'custom-element-definition', name: tag, declaration: { name, module: found.mod.path } }];
        }
      }
    },
  };
}

export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/**/*.test.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [defineElementTags()],
};
