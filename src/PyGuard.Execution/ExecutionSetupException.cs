namespace PyGuard.Execution;

/// <summary>
/// The executor could not set up a run: no interpreter, a forced isolation layer that this machine cannot
/// provide, a bootstrap that failed before the user's code started. The message is one line for a user.
/// </summary>
public sealed class ExecutionSetupException(string message) : Exception(message);
