using System.Runtime.Versioning;

// The harness runs Debian's servers as local processes: Linux only.
[assembly: SupportedOSPlatform("linux")]
