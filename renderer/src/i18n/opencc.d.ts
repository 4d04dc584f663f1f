/** opencc-js ships its dictionaries as modules of one string each (no type declarations for them). */
declare module 'opencc-js/dict/*' {
  const dict: string;
  export default dict;
}
