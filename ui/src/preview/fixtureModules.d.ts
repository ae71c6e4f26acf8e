// The fixtures are large JSON files generated from Rust: imported as `unknown` and typed once,
// in fixtures.ts, against the generated bindings, instead of TypeScript inferring their literals.
declare module '*.json' {
  const value: unknown;
  export default value;
}
