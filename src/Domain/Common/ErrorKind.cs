namespace ScimClean.Domain.Common;

/// <summary>What kind of failure an expected outcome is; the API maps each kind to a status and a SCIM scimType.</summary>
public enum ErrorKind
{
    Validation,
    InvalidSyntax,
    NotFound,
    Conflict,
    Uniqueness,
    Mutability,
    InvalidFilter,
    InvalidPath,
    NoTarget,
    TooMany,
    VersionMismatch,
    Unauthorized,
}
