import base64
import unittest

from mcp.types import (
    AudioContent,
    BlobResourceContents,
    CallToolResult,
    EmbeddedResource,
    ImageContent,
    ResourceLink,
    TextContent,
    TextResourceContents,
    Tool,
    ToolAnnotations,
)
from pydantic import AnyUrl

from toolbridge import convert_result, parameters_for, tool_summary
from toolbridge.convert import convert_block, is_read_only

PNG = base64.b64encode(b"\x89PNG\r\n\x1a\n").decode()


class ConvertBlockTests(unittest.TestCase):
    def test_text_and_media(self):
        self.assertEqual(convert_block(TextContent(type="text", text="hi")).text, "hi")
        image = convert_block(ImageContent(type="image", data=PNG, mimeType="image/png"))
        self.assertEqual((image.kind, image.media_type), ("image", "image/png"))
        audio = convert_block(AudioContent(type="audio", data="AAAA", mimeType="audio/wav"))
        self.assertEqual(audio.kind, "audio")

    def test_embedded_text_and_blob(self):
        text = EmbeddedResource(
            type="resource",
            resource=TextResourceContents(uri=AnyUrl("file:///notes.md"), text="# Notes", mimeType="text/markdown"),
        )
        part = convert_block(text)
        self.assertEqual(part.uri, "file:///notes.md")
        self.assertEqual(part.media_type, "text/markdown")
        blob = EmbeddedResource(
            type="resource",
            resource=BlobResourceContents(uri=AnyUrl("file:///logo.png"), blob=PNG),
        )
        self.assertEqual(convert_block(blob).media_type, "application/octet-stream")

    def test_resource_link_shows_host_for_web_links(self):
        link = ResourceLink(type="resource_link", name="spec", uri=AnyUrl("https://example.com/spec"))
        part = convert_block(link)
        self.assertEqual(part.text, "spec (example.com)")
        local = ResourceLink(type="resource_link", name="readme", title="README", uri=AnyUrl("repo://readme"))
        self.assertEqual(convert_block(local).text, "README")


class ConvertResultTests(unittest.TestCase):
    def test_structured_without_text_gets_json_mirror(self):
        result = CallToolResult(content=[], structuredContent={"temp": 21, "city": "Oslo"})
        output = convert_result(result)
        self.assertEqual(output.text, '{"city": "Oslo", "temp": 21}')
        self.assertEqual(output.structured, {"temp": 21, "city": "Oslo"})
        self.assertFalse(output.failed)

    def test_error_flag_is_kept(self):
        result = CallToolResult(content=[TextContent(type="text", text="boom")], isError=True)
        output = convert_result(result)
        self.assertTrue(output.failed)
        self.assertEqual(output.text, "boom")


class ToolMetadataTests(unittest.TestCase):
    def setUp(self):
        self.tool = Tool(
            name="search",
            description="Full text search",
            inputSchema={"type": "object", "properties": {"q": {"type": "string"}}},
            outputSchema={"type": "object"},
            annotations=ToolAnnotations(readOnlyHint=True),
        )

    def test_parameters_and_read_only(self):
        self.assertEqual(parameters_for(self.tool)["properties"], {"q": {"type": "string"}})
        self.assertTrue(is_read_only(self.tool))
        destructive = self.tool.model_copy(update={"annotations": ToolAnnotations(readOnlyHint=True, destructiveHint=True)})
        self.assertFalse(is_read_only(destructive))

    def test_summary_uses_wire_names(self):
        summary = tool_summary(self.tool)
        self.assertEqual(summary["inputSchema"]["type"], "object")
        self.assertEqual(summary["outputSchema"], {"type": "object"})
        self.assertTrue(summary["readOnly"])


if __name__ == "__main__":
    unittest.main()
