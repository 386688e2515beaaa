using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using XWebhooks.Events;

namespace XWebhooks.Tests.Events;

public class EventTypeCatalogTests
{
    internal static IEnumerable<Type> EventTypes() =>
        typeof(XEventTypeAttribute).Assembly.GetTypes()
            .Where(t => t.GetCustomAttributes<XEventTypeAttribute>().Any());

    [Fact]
    public void Every_event_type_is_a_concrete_sealed_class_implementing_IXEvent_of_itself()
    {
        var types = EventTypes().ToList();
        Assert.NotEmpty(types);
        foreach (Type type in types)
        {
            Assert.True(type.IsClass && !type.IsAbstract && type.IsSealed, $"{type} must be a sealed class.");
            Assert.Contains(typeof(IXEvent<>).MakeGenericType(type), type.GetInterfaces());

            var property = type.GetProperty("JsonTypeInfo", BindingFlags.Public | BindingFlags.Static);
            Assert.NotNull(property);
            var info = Assert.IsAssignableFrom<JsonTypeInfo>(property.GetValue(null));
            Assert.Equal(type, info.Type);
        }
    }

    [Fact]
    public void Event_type_names_are_unique_per_product_across_the_assembly()
    {
        var duplicates = EventTypes()
            .SelectMany(t => t.GetCustomAttributes<XEventTypeAttribute>().Select(a => (a.Product, a.Name, Type: t)))
            .GroupBy(x => (x.Product, x.Name))
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key.Product}/{g.Key.Name}: {string.Join(", ", g.Select(x => x.Type.Name))}")
            .ToList();

        Assert.Empty(duplicates);
    }

    [Fact]
    public void Every_xaa_event_type_of_the_reference_table_has_a_model()
    {
        // Reference §5.3 (OAS enum + DOC XAA-INTRO), including the deprecated alias.
        string[] expected =
        [
            "post.create", "post.delete", "post.mention.create", "post.reply.create", "post.quote.create", "post.repost.create",
            "like.create", "follow.follow", "follow.unfollow",
            "profile.update.bio", "profile.update.profile_picture", "profile.update.banner_picture", "profile.update.screenname",
            "profile.update.handle", "profile.update.geo", "profile.update.url", "profile.update.verified_badge", "profile.update.affiliate_badge",
            "chat.received", "chat.sent", "chat.conversation.join", "chat.conversation_join",
            "chat.conversation.member_added", "chat.conversation.member_removed", "chat.conversation.admin_added",
            "chat.conversation.admin_removed", "chat.update.group_name", "chat.update.restrictions",
            "dm.received", "dm.sent", "dm.read", "dm.indicate_typing", "news.new", "spaces.start", "spaces.end",
            "mute.mute", "mute.unmute", "block.block", "block.unblock", "broadcast.start", "broadcast.end", "broadcast.chat", "oauth.revoke",
        ];

        var actual = EventTypes()
            .SelectMany(t => t.GetCustomAttributes<XEventTypeAttribute>())
            .Where(a => a.Product == XProduct.Activity)
            .Select(a => a.Name)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(expected.Order(StringComparer.Ordinal), actual);
    }

    [Fact]
    public void Alias_shares_the_class_of_its_canonical_name()
    {
        var names = typeof(XWebhooks.Events.Activity.ChatConversationJoined)
            .GetCustomAttributes<XEventTypeAttribute>().Select(a => a.Name).Order(StringComparer.Ordinal);
        Assert.Equal(["chat.conversation.join", "chat.conversation_join"], names);
    }
}
