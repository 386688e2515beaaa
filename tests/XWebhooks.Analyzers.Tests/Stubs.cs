namespace XWebhooks.Analyzers.Tests;

/// <summary>Stand-ins for the XWebhooks runtime and ASP.NET Core types, same names and namespaces.</summary>
public static class Stubs
{
    public const string Source = """
        namespace XWebhooks
        {
            [System.AttributeUsage(System.AttributeTargets.Method)]
            public sealed class XWebhookHandlerAttribute : System.Attribute { }
            public sealed class XDelivery { public System.ReadOnlyMemory<byte> Body => default; }
            public enum XProduct { ActivityApi, AccountActivity, FilteredStream }
        }
        namespace XWebhooks.Events.Activity
        {
            public sealed class PostCreated { public string Text { get; set; } = ""; }
        }
        namespace XWebhooks.Delivery
        {
            public interface IXWebhookDispatcher
            {
                int Route(XWebhooks.XProduct product, System.ReadOnlySpan<byte> eventType);
                System.Threading.Tasks.ValueTask DispatchAsync(int route, object payload, XWebhooks.XDelivery delivery, System.IServiceProvider services, System.Threading.CancellationToken cancellationToken);
            }
        }
        namespace XWebhooks.Security
        {
            public static class XWebhookSignature
            {
                public const string HeaderName = "x-twitter-webhooks-signature";
                public const string OAuth2HeaderName = "x-twitter-webhooks-signature-oauth2";
                public static string Compute(System.ReadOnlySpan<byte> key, System.ReadOnlySpan<byte> message) => "";
                public static bool Verify(System.ReadOnlySpan<char> signature, System.ReadOnlySpan<byte> message, System.ReadOnlySpan<byte> key) => false;
            }
            public static class XCrc
            {
                public static bool IsValidToken(System.ReadOnlySpan<char> token) => true;
                public static string ComputeResponseToken(System.ReadOnlySpan<byte> key, System.ReadOnlySpan<char> token) => "";
            }
            public enum XSignatureCheck { Valid, Missing, Invalid }
            public enum XCrcSecret { ConsumerSecret, OAuth2ClientSecret }
            public sealed class XSignatureVerifier
            {
                public XSignatureVerifier(string consumerSecret, string? secondaryConsumerSecret = null) { }
                public XSignatureVerifier(string consumerSecret, string? secondaryConsumerSecret, string? oauth2ClientSecret, string? secondaryOAuth2ClientSecret = null, XCrcSecret crcSecret = XCrcSecret.ConsumerSecret) { }
                public XSignatureCheck Verify(System.ReadOnlySpan<char> signatureHeader, System.ReadOnlySpan<byte> body) => default;
            }
        }
        namespace XWebhooks.Hosting
        {
            public sealed class XWebhooksOptions
            {
                public string? ConsumerSecret { get; set; }
                public string? SecondaryConsumerSecret { get; set; }
                public string? OAuth2ClientSecret { get; set; }
                public string? SecondaryOAuth2ClientSecret { get; set; }
                public System.TimeSpan ResponseBudget { get; set; }
            }
        }
        namespace Microsoft.AspNetCore.Http
        {
            public abstract class HttpContext { public abstract HttpRequest Request { get; } public abstract HttpResponse Response { get; } public abstract System.IServiceProvider RequestServices { get; } }
            public abstract class HttpRequest
            {
                public abstract System.IO.Stream Body { get; }
                public abstract IHeaderDictionary Headers { get; }
                public abstract IQueryCollection Query { get; }
            }
            public abstract class HttpResponse { public abstract int StatusCode { get; set; } public abstract System.IO.Stream Body { get; } }
            public interface IHeaderDictionary { string this[string key] { get; } }
            public interface IQueryCollection { string this[string key] { get; } }
            public delegate System.Threading.Tasks.Task RequestDelegate(HttpContext context);
        }
        namespace Microsoft.AspNetCore.Routing
        {
            public interface IEndpointRouteBuilder { }
        }
        namespace Microsoft.AspNetCore.Builder
        {
            public interface IEndpointConventionBuilder { }
            public sealed class RouteHandlerBuilder : IEndpointConventionBuilder { }
            public static class EndpointRouteBuilderExtensions
            {
                public static RouteHandlerBuilder MapPost(this Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints, string pattern, System.Delegate handler) => new();
                public static IEndpointConventionBuilder MapPost(this Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints, string pattern, Microsoft.AspNetCore.Http.RequestDelegate requestDelegate) => new RouteHandlerBuilder();
                public static RouteHandlerBuilder MapGet(this Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints, string pattern, System.Delegate handler) => new();
            }
        }
        namespace Microsoft.AspNetCore.Mvc
        {
            public abstract class ControllerBase { public Microsoft.AspNetCore.Http.HttpContext HttpContext => null!; public Microsoft.AspNetCore.Http.HttpRequest Request => null!; }
            [System.AttributeUsage(System.AttributeTargets.Method)] public sealed class HttpPostAttribute : System.Attribute { public HttpPostAttribute() { } public HttpPostAttribute(string template) { } }
            [System.AttributeUsage(System.AttributeTargets.Class)] public sealed class ApiControllerAttribute : System.Attribute { }
            [System.AttributeUsage(System.AttributeTargets.Parameter)] public sealed class FromBodyAttribute : System.Attribute { }
        }
        """;
}
