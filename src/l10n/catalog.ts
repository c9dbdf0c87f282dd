import type { Formats } from './formats.js';

/** A catalogue entry: fixed text, or text made from arguments with the language's formats. */
export type Entry = string | ((args: never, f: Formats) => string);

/** A language's translation of `T` (a section of the English catalogue): every key, same arguments. */
export type Translation<T> = {
  [K in keyof T]: T[K] extends string ? string : T[K] extends (args: infer A, f: Formats) => string ? string | ((args: A, f: Formats) => string) : never;
};

/** Makes a section keep its literal keys and argument types while checking entries. */
export const section = <T extends Record<string, string | ((args: any, f: Formats) => string)>>(entries: T): T => entries;
