// Stands in for `tslib` (aliased in vite.config.ts) because the window runs with Tauri's
// `freezePrototype`: tslib's `__extends` sets `this.constructor = d` on a plain object, and
// once Object.prototype is frozen that assignment throws (the "override mistake"), so ECharts
// and zrender could not even load. Defining the property instead of assigning it is allowed.
// ECharts and zrender import nothing from tslib but `__extends`.

/* eslint-disable @typescript-eslint/no-explicit-any */
export function __extends(derived: any, base: any): void {
  if (typeof base !== 'function' && base !== null) {
    throw new TypeError(`Class extends value ${String(base)} is not a constructor or null`);
  }
  Object.setPrototypeOf(derived, base ?? Function.prototype);
  derived.prototype = Object.create(base === null ? null : base.prototype, {
    constructor: { value: derived, writable: true, configurable: true, enumerable: false },
  });
}
