namespace VideoHub.Features.Projects;

public static class ProjectsFeature
{
    public static IServiceCollection AddProjectsFeature(this IServiceCollection services)
    {
        return services;
    }

}
