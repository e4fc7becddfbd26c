global using ScimClean.Domain.Common;
