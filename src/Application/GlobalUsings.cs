global using Mediator;
global using ScimClean.Domain.Common;
