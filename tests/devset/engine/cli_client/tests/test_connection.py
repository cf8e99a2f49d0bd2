import unittest
from pathlib import Path
from unittest import mock

from mcpcli import ServerCommand, build_parameters


class BuildParametersTest(unittest.TestCase):
    def test_splits_command_line(self):
        params = build_parameters(ServerCommand.parse("uvx my-server --port 0"))
        self.assertEqual(params.command, "uvx")
        self.assertEqual(params.args, ["my-server", "--port", "0"])

    def test_env_is_layered_on_default_environment(self):
        with mock.patch("mcpcli.connection.get_default_environment", return_value={"PATH": "/bin", "HOME": "/h"}):
            params = build_parameters(ServerCommand.parse("srv", ["API_KEY=abc", "HOME=/override"]))
        self.assertEqual(params.env, {"PATH": "/bin", "HOME": "/override", "API_KEY": "abc"})

    def test_cwd(self):
        params = build_parameters(ServerCommand.parse("srv", cwd="/srv/app"))
        self.assertEqual(params.cwd, Path("/srv/app"))

    def test_bad_env_pair(self):
        with self.assertRaises(ValueError):
            ServerCommand.parse("srv", ["NOEQUALS"])

    def test_empty_command(self):
        with self.assertRaises(ValueError):
            build_parameters(ServerCommand(""))
