using XWebhooks.Events.Activity;

namespace XWebhooks.Tests.Events.Activity;

public class MessagingEventTests
{
    [Fact]
    public void ChatReceived_reads_conversation_and_signature()
    {
        var e = ActivityFixture.Read<ChatReceived>("chat.received");

        Assert.Equal("8511582263942905822", e.EventUuid);
        Assert.Equal("chat-inbound", e.Tag);
        var chat = e.Payload!;
        Assert.Equal("e4f4d3fc-8bbf-4928-92eb-e5058d6bb6f6", chat.Id);
        Assert.Equal("2222222222222222222", chat.SenderId);
        Assert.Equal("2222222222222222222:1111111111111111111", chat.ConversationId);
        Assert.Equal(1784841183370L, chat.CreatedAtMsec);
        Assert.Equal("1768236281331", chat.ConversationKeyVersion);
        Assert.StartsWith("CwABAAAAEzIwODA0MDA4MjUyMjcxMDAxNjALAAIA", chat.EncodedEvent);
        Assert.StartsWith("eyJhbGciOiJIUzI1NiJ9", chat.ConversationToken);
        Assert.Equal("1765382634817", chat.MessageEventSignature!.PublicKeyVersion);
        Assert.Equal("7", chat.MessageEventSignature.SignatureVersion);
        Assert.StartsWith("MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEJ2c", chat.MessageEventSignature.SigningPublicKey);
    }

    [Fact]
    public void ChatSent_reads_sender()
    {
        var e = ActivityFixture.Read<ChatSent>("chat.sent");

        Assert.Equal("3723060601307155846", e.EventUuid);
        Assert.Equal("8e75466b-56ec-4e88-bddf-b18f7cc6030e", e.Payload!.Id);
        Assert.Equal("1111111111111111111", e.Payload.SenderId);
        Assert.Equal(1784841233939L, e.Payload.CreatedAtMsec);
    }

    [Fact]
    public void DirectMessageReceived_reads_message_and_wrapped_users_map()
    {
        var e = ActivityFixture.Read<DirectMessageReceived>("dm.received");

        Assert.Equal("-6850472171600526495", e.EventUuid);
        var dm = Assert.Single(e.Payload!.DirectMessageEvents!);
        Assert.Equal("message_create", dm.Type);
        Assert.Equal("2080765901528535096", dm.Id);
        Assert.Equal(1784928224372L, dm.CreatedTimestamp);
        Assert.Equal("1111111111111111111", dm.MessageCreate!.Target!.RecipientId);
        Assert.Equal("2222222222222222222", dm.MessageCreate.SenderId);
        Assert.Equal("hello!", dm.MessageCreate.MessageData!.Text);
        Assert.Empty(dm.MessageCreate.MessageData.Entities!.Hashtags!);
        Assert.Empty(dm.MessageCreate.MessageData.Entities.UserMentions!);

        var users = e.Payload.Users!;
        Assert.Equal(2, users.Count);
        Assert.Equal("OtherUser", users["2222222222222222222"].Username);
        Assert.Equal("Automated", users["2222222222222222222"].Affiliation!.Description);
        Assert.Equal("ExampleUser", users["1111111111111111111"].Username);
        Assert.Equal("1111111111111111111", users["1111111111111111111"].Id);
    }

    [Fact]
    public void DirectMessageSent_reads_message_and_users()
    {
        var e = ActivityFixture.Read<DirectMessageSent>("dm.sent");

        Assert.Equal("-3577827201104920132", e.EventUuid);
        var dm = Assert.Single(e.Payload!.DirectMessageEvents!);
        Assert.Equal("2244994945", dm.MessageCreate!.Target!.RecipientId);
        Assert.Equal("Thanks for the update!", dm.MessageCreate.MessageData!.Text);
        Assert.Equal("XDevelopers", e.Payload.Users!["2244994945"].Username);
    }
}
