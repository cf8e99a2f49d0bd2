import base64
import unittest

from mcp.types import AudioContent, ElicitRequestFormParams, ElicitResult, ImageContent, TextContent

from .support import FakeClient, agent_session


class SamplingTests(unittest.IsolatedAsyncioTestCase):
    async def test_summarize_uses_client_model(self):
        fake = FakeClient()
        async with agent_session(fake) as session:
            result = await session.call_tool("summarize", {"doc_id": "mcp-intro", "max_words": 10})
        self.assertFalse(result.isError)
        self.assertEqual(
            result.structuredContent,
            {"doc_id": "mcp-intro", "summary": "MCP links models to tools.", "model": "fake-llm-1", "words": 15},
        )
        request = fake.sampling_requests[0]
        self.assertEqual(request.maxTokens, 200)
        self.assertEqual(request.systemPrompt, "You write terse technical summaries.")
        assert request.modelPreferences is not None and request.modelPreferences.hints
        self.assertEqual(request.modelPreferences.hints[0].name, "claude-3-5-haiku")
        self.assertEqual([l.data for l in fake.logs if l.level == "debug"], ["sampling summary for mcp-intro"])


class ElicitationTests(unittest.IsolatedAsyncioTestCase):
    async def test_plan_trip_accept_decline(self):
        fake = FakeClient(
            [
                ElicitResult(action="accept", content={"nights": 3, "budget": "low", "pets": True}),
                ElicitResult(action="decline"),
            ]
        )
        async with agent_session(fake) as session:
            accepted = await session.call_tool("plan_trip", {"destination": "Lisbon"})
            declined = await session.call_tool("plan_trip", {"destination": "Oslo"})
        self.assertEqual(accepted.content[0].text, "3 nights in Lisbon on a low budget with pets")  # type: ignore[union-attr]
        self.assertEqual(declined.structuredContent, {"result": "Trip planning declined."})
        request = fake.elicit_requests[0]
        assert isinstance(request, ElicitRequestFormParams)
        schema = request.requestedSchema
        self.assertEqual(schema["properties"]["budget"]["default"], "medium")
        self.assertEqual(schema["required"], ["nights"])

    async def test_delete_requires_confirmation(self):
        fake = FakeClient(
            [ElicitResult(action="accept", content={"confirm": False}), ElicitResult(action="accept", content={"confirm": True})]
        )
        async with agent_session(fake) as session:
            kept = await session.call_tool("delete_doc", {"doc_id": "sampling"})
            deleted = await session.call_tool("delete_doc", {"doc_id": "sampling"})
            index = await session.call_tool("search", {"word": "sampling"})
        self.assertEqual(kept.structuredContent, {"result": "kept sampling"})
        self.assertEqual(deleted.structuredContent, {"result": "deleted sampling"})
        self.assertEqual(index.structuredContent, {"result": []})
        warnings = [l for l in fake.logs if l.level == "warning"]
        self.assertEqual((warnings[0].data, warnings[0].logger), ("deleted sampling", "agent.audit"))


class ProgressAndMediaTests(unittest.IsolatedAsyncioTestCase):
    async def test_index_reports_progress(self):
        fake = FakeClient()
        updates = []

        async def on_progress(progress, total, message):
            updates.append((progress, total, message))

        async with agent_session(fake) as session:
            result = await session.call_tool("index_corpus", {}, progress_callback=on_progress)
            hits = await session.call_tool("search", {"word": "tools"})
        self.assertEqual(result.structuredContent, {"indexed": 3, "skipped": []})
        self.assertEqual([u[0] for u in updates], [1, 2, 3])
        self.assertEqual(updates[-1], (3, 3, "indexed sampling"))
        self.assertEqual(hits.structuredContent, {"result": ["mcp-intro"]})
        self.assertIn("indexed 3 documents", [l.data for l in fake.logs])

    async def test_word_stats_typed_dict(self):
        async with agent_session(FakeClient()) as session:
            result = await session.call_tool("word_stats", {"doc_id": "elicitation"})
            tools = {t.name: t for t in (await session.list_tools()).tools}
        assert result.structuredContent is not None
        self.assertEqual(result.structuredContent["words"], 14)
        output_schema = tools["word_stats"].outputSchema
        assert output_schema is not None
        self.assertEqual(sorted(output_schema["required"]), ["doc_id", "top", "unique", "words"])
        annotations = tools["word_stats"].annotations
        self.assertTrue(annotations is not None and annotations.readOnlyHint)

    async def test_image_and_audio(self):
        async with agent_session(FakeClient()) as session:
            image = (await session.call_tool("chart", {"values": [1, 3, 2]})).content[0]
            audio = (await session.call_tool("chime", {})).content[0]
        assert isinstance(image, ImageContent) and isinstance(audio, AudioContent)
        self.assertEqual(image.mimeType, "image/png")
        self.assertTrue(base64.b64decode(image.data).startswith(b"\x89PNG"))
        self.assertEqual(audio.mimeType, "audio/wav")
        self.assertEqual(base64.b64decode(audio.data)[:4], b"RIFF")
        self.assertNotIsInstance(image, TextContent)


if __name__ == "__main__":
    unittest.main()
