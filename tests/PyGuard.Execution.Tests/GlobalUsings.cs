global using Xunit;

// The executor and therefore its tests exist for Linux only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
