/**
 * Field tables: one description of a JSON shape that both writes a value and reads it back.
 * The writer emits the fields in table order and leaves out optional ones that are absent; the
 * reader trusts nothing: every field is checked by type and copied, unknown fields are dropped, a
 * field of the wrong type is a problem that names it (`targets[0].steps[2].reply.code`), and an
 * absent one gets its default (reports of earlier versions lack some).
 *
 * Nothing here recurses over data: objects nest only as deep as the table, lists are loops, so a
 * report of 200,000 steps costs no stack.
 */
import { isOneOf } from "./enums.js";

/** Where a value sits; its name (`targets[0].steps[2]`) is built only when a problem needs it. The root's key is "". */
export class Path {
  constructor(
    private readonly parent: Path | null,
    private readonly key: string | number,
  ) {}

  at(key: string | number): Path {
    return new Path(this, key);
  }

  toString(): string {
    const parts: string[] = [];
    const name = (p: Path) => (p.key === "" ? "" : typeof p.key === "number" ? `[${p.key}]` : `.${p.key}`);
    parts.push(name(this));
    for (let p = this.parent; p; p = p.parent) parts.push(name(p));
    return parts.reverse().join("").replace(/^\./, "");
  }
}

/** Strings from a file are limited: a report we wrote never holds a longer one (MAX_LINE_OCTETS, MAX_AUTH_LINE_OCTETS). */
export const MAX_STRING_CHARS = 16 * 1024;

export interface FieldProblem {
  field: string;
  message: string;
}

/** Collects the first problem while a value is read. */
export class Reader {
  problem: FieldProblem | null = null;

  bad<T>(at: Path, what: string, fallback: T): T {
    this.problem ??= { field: at.toString(), message: `must be ${what}` };
    return fallback;
  }
}

export interface Codec<T> {
  /** The value of a field that is absent from the JSON. */
  readonly absent: () => T;
  /** `v` is undefined only for a required field that is absent, which every codec refuses. */
  read(v: unknown, at: Path, r: Reader): T;
  write(v: T): unknown;
  /** A copy of a value of this shape with `f` applied to every string in it (report/neutralise.ts). */
  mapText(v: T, f: (s: string) => string): T;
}

const same = <T>(v: T): T => v;

export const str: Codec<string> = {
  absent: () => "",
  read: (v, at, r) => {
    if (typeof v !== "string") return r.bad(at, "a string", "");
    return v.length <= MAX_STRING_CHARS ? v : r.bad(at, `a string of at most ${MAX_STRING_CHARS} characters`, "");
  },
  write: (v) => v,
  mapText: (v, f) => f(v),
};

export const int: Codec<number> = {
  absent: () => 0,
  read: (v, at, r) => (typeof v === "number" && Number.isFinite(v) ? Math.trunc(v) : r.bad(at, "a number", 0)),
  write: (v) => v,
  mapText: same,
};

export function intIn(min: number, max: number, what: string): Codec<number> {
  return {
    absent: () => min,
    read: (v, at, r) => (typeof v === "number" && Number.isInteger(v) && v >= min && v <= max ? v : r.bad(at, what, min)),
    write: (v) => v,
    mapText: same,
  };
}

export const bool: Codec<boolean> = {
  absent: () => false,
  read: (v, at, r) => (typeof v === "boolean" ? v : r.bad(at, "true or false", false)),
  write: (v) => v,
  mapText: same,
};

/** One of a closed vocabulary (model/enums.ts); the first entry is the fallback unless named. */
export function oneOf<T extends string>(list: readonly T[], fallback: T = list[0] as T): Codec<T> {
  return {
    absent: () => fallback,
    read: (v, at, r) => (isOneOf(list, v) ? v : r.bad(at, `one of ${list.join(", ")}`, fallback)),
    write: (v) => v,
    // A vocabulary's words are ours, not text from a peer.
    mapText: same,
  };
}

export function constant<T extends string>(value: T): Codec<T> {
  return { absent: () => value, read: (v, at, r) => (v === value ? value : r.bad(at, JSON.stringify(value), value)), write: (v) => v, mapText: same };
}

/** null, or a value of `inner`; absent reads as null. */
export function nullable<T>(inner: Codec<T>): Codec<T | null> {
  return {
    absent: () => null,
    read: (v, at, r) => (v === null ? null : inner.read(v, at, r)),
    write: (v) => (v === null ? null : inner.write(v)),
    mapText: (v, f) => (v === null ? null : inner.mapText(v, f)),
  };
}

export function list<T>(item: Codec<T>, max = Infinity): Codec<T[]> {
  return {
    absent: () => [],
    read: (v, at, r) => {
      if (!Array.isArray(v)) return r.bad(at, "a list", []);
      if (v.length > max) return r.bad(at, `a list of at most ${max} entries`, []);
      const out: T[] = new Array<T>(v.length);
      for (let i = 0; i < v.length; i++) out[i] = item.read(v[i], at.at(i), r);
      return out;
    },
    write: (v) => v.map((x) => item.write(x)),
    mapText: (v, f) => v.map((x) => item.mapText(x, f)),
  };
}

interface RequiredField<T> {
  codec: Codec<T>;
  /** Absence is a problem, not a default (a reply without its code is not one). */
  required?: boolean;
  /** Written as null when undefined (the type allows undefined, the JSON always has the key). */
  nullWhenAbsent?: boolean;
}

interface OptionalField<T> {
  codec: Codec<T>;
  optional: true;
  /** Left out when this holds too (`pipelined: false` says nothing). */
  omit?: (v: T) => boolean;
}

/** A row for every key of T: a field the type has and the table lacks does not compile. */
export type FieldTable<T> = {
  [K in keyof T]-?: undefined extends T[K] ? OptionalField<Exclude<T[K], undefined>> | RequiredField<T[K]> : RequiredField<T[K]>;
};

type AnyField = RequiredField<unknown> & Partial<OptionalField<unknown>>;

/** `after` fixes up what a reader must not take on trust (a reply's class follows from its code). */
export function object<T>(table: FieldTable<T>, after?: (v: T) => void): Codec<T> {
  const rows = Object.entries(table) as [string, AnyField][];
  const absent = (): T => {
    const out: Record<string, unknown> = {};
    for (const [key, f] of rows) if (!f.optional) out[key] = f.codec.absent();
    return out as T;
  };
  return {
    absent,
    read: (v, at, r) => {
      if (v === null || typeof v !== "object" || Array.isArray(v)) return r.bad(at, "an object", absent());
      const json = v as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const [key, f] of rows) {
        const x = Object.hasOwn(json, key) ? json[key] : undefined;
        if (x === undefined) {
          // A required field's codec names what it must be; undefined is never one.
          if (f.required) out[key] = f.codec.read(undefined, at.at(key), r);
          else if (!f.optional) out[key] = f.codec.absent();
        } else if (x === null && f.optional && !isNullable(f.codec)) {
          continue;
        } else out[key] = f.codec.read(x, at.at(key), r);
      }
      after?.(out as T);
      return out as T;
    },
    write: (v) => {
      const out: Record<string, unknown> = {};
      const value = v as Record<string, unknown>;
      for (const [key, f] of rows) {
        const x = value[key];
        if (x === undefined) {
          if (f.nullWhenAbsent) out[key] = null;
          else if (!f.optional) out[key] = f.codec.write(f.codec.absent());
          continue;
        }
        if (f.optional && f.omit?.(x)) continue;
        out[key] = f.codec.write(x);
      }
      return out;
    },
    mapText: (v, fn) => {
      const out: Record<string, unknown> = {};
      const value = v as Record<string, unknown>;
      for (const [key, f] of rows) {
        const x = value[key];
        if (x !== undefined) out[key] = f.codec.mapText(x, fn);
      }
      return out as T;
    },
  };
}

const isNullable = (c: Codec<unknown>): boolean => c.absent() === null;
