// opencc-js ships its dictionaries as ES modules whose default export is the table text
// ("from to|from to|…"); the package's `./*` export has no declarations of its own.
declare module 'opencc-js/dict/*' {
  const table: string;
  export default table;
}
