from mcp.server.fastmcp import Context, FastMCP
from mcp.server.fastmcp.prompts import base
from mcp.types import EmbeddedResource, TextResourceContents
from pydantic import AnyUrl



def register(mcp: FastMCP) -> None:
    @mcp.prompt(title="Weekly digest")
    def weekly_digest(team: str, ctx: Context) -> list[base.Message]:
        notes = ctx.request_context.lifespan_context.store.all()[-10:]
        listing = "\n".join(f"- {n.title}" for n in notes) or "- (no notes yet)"
        return [
            base.UserMessage(f"Write a weekly digest for team {team} from these notes:\n{listing}"),
            base.AssistantMessage("Sure. Which tone should the digest use?"),
            base.UserMessage("Concise and friendly."),
        ]

    @mcp.prompt()
    def critique(note_id: str, body: str) -> list[base.Message]:
        resource = EmbeddedResource(
            type="resource",
            resource=TextResourceContents(uri=AnyUrl(f"notes://{note_id}"), mimeType="text/markdown", text=body),
        )
        return [base.UserMessage("Critique the following note for clarity:"), base.UserMessage(resource)]
