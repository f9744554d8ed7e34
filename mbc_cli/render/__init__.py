"""Renderers: turn answers into Rich renderables or strings. They return; they never print."""
