namespace CallCenter.Api.Calls;

public enum SortDirection
{
    Desc,
    Asc,
}
