namespace HoldingToAccount.Core;

/// <summary>Input the product refuses, with a message fit to show the person who gave it. Nothing was written.</summary>
public class DomainException(string message) : Exception(message);

/// <summary>The record changed since the caller read it; their edit was not applied.</summary>
public sealed class StaleEditException(string message) : DomainException(message);

/// <summary>The thing asked for does not exist (or the caller may not know it does).</summary>
public sealed class NotFoundException(string message) : DomainException(message);

/// <summary>The caller may not do this; nothing was written.</summary>
public sealed class ForbiddenException(string message) : DomainException(message);
