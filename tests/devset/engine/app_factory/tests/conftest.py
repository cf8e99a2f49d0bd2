import pytest
from mcp.shared.memory import create_connected_server_and_client_session

from notesvc import AppConfig, create_app


@pytest.fixture
def anyio_backend():
    return "asyncio"


@pytest.fixture
def app():
    return create_app(AppConfig(name="notesvc-test", max_note_chars=200))


@pytest.fixture
async def client(app):
    async with create_connected_server_and_client_session(app, raise_exceptions=True) as session:
        yield session
