import { describe, expect, it } from 'vitest';
import { __extends } from './tslibFrozenSafe';

describe('__extends under a frozen Object.prototype', () => {
  it('builds the prototype chain without assigning to a frozen property', () => {
    // The window freezes Object.prototype; a frozen prototype object of our own shows the same
    // trap without freezing the test runner's globals.
    const Base = function (this: { kind: string }) {
      this.kind = 'base';
    } as unknown as { new (): { kind: string }; prototype: object; create?: () => string };
    Object.freeze(Object.setPrototypeOf(Base.prototype, Object.freeze(Object.create(null, { constructor: { value: Object, writable: false } }))));
    (Base as unknown as { create: () => string }).create = () => 'static';
    const Derived = function (this: { kind: string }) {
      Base.call(this);
    } as unknown as { new (): { kind: string }; create: () => string };
    expect(() => {
      function Plain(this: { constructor: unknown }) {
        'use strict';
        this.constructor = Derived;
      }
      Plain.prototype = Base.prototype;
      return new (Plain as unknown as new () => object)();
    }).toThrow(TypeError);
    __extends(Derived, Base);
    const made = new Derived();
    expect(made).toBeInstanceOf(Base);
    expect(made.constructor).toBe(Derived);
    expect(Derived.create()).toBe('static');
  });
});
