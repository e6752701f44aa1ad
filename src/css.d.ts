/** Stylesheets imported as text by the `css-text` rollup plugin, adopted into shadow roots. */
declare module '*.css' {
  const text: string;
  export default text;
}
