// Polyfills for the net8.0 build. System.Threading.Lock arrived in .NET 9; on .NET 8 a plain object
// gives the same `lock` semantics.
#if !NET9_0_OR_GREATER
global using Lock = System.Object;
#endif
