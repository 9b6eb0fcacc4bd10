using System.IO;
using Stm.Analyzers.Infrastructure;
using Xunit;

namespace Stm.Analyzers.Tests.Meta;

public sealed class UnsafeApiListTests
{
    [Fact]
    public void The_embedded_default_is_the_shipped_file()
    {
        string shipped = File.ReadAllText(RepositoryPaths.Combine("src", "Stm.Analyzers", "build", "Stm.UnsafeApis.txt"));
        Assert.Equal(shipped.Replace("\r\n", "\n"), UnsafeApiList.DefaultText.Replace("\r\n", "\n"));
        Assert.Contains("System.IO.File", UnsafeApiList.DefaultText, System.StringComparison.Ordinal);
    }

    [Fact]
    public void The_props_file_adds_the_default_list_as_an_additional_file()
    {
        string props = File.ReadAllText(RepositoryPaths.Combine("src", "Stm.Analyzers", "build", "Stm.props"));
        Assert.Contains("<AdditionalFiles Include=\"$(MSBuildThisFileDirectory)Stm.UnsafeApis.txt\"", props, System.StringComparison.Ordinal);
        Assert.True(File.Exists(RepositoryPaths.Combine("src", "Stm.Analyzers", "build", "empty", "Stm.UnsafeApis.txt")));
    }
}
