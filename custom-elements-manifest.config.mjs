// Custom Elements Manifest (custom-elements.json), from the class JSDoc of every element.
export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/**/*.test.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
};
