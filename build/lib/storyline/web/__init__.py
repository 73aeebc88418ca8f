"""The web UI and REST API (`storyline serve`), and the views the static dossier (`storyline report`) shares with it.

Importing this package does not import FastAPI: the report renders the same templates without a server.
"""
