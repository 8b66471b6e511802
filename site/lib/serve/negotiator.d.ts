// The part of negotiator 1.x this server uses (its own package ships no types, and
// @types/negotiator describes 0.6, which lacks the `preferred` option).
declare module 'negotiator' {
  interface Headers {
    [name: string]: string | string[] | undefined;
  }
  class Negotiator {
    constructor(request: { headers: Headers });
    /** Acceptable codings among `available`, best first; ties go to the order of `preferred`. */
    encodings(available: string[], options?: { preferred?: string[] }): string[];
  }
  export default Negotiator;
}
