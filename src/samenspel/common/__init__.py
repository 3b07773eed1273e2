"""Plumbing every app may use: translated choices and the event bus. No models, no rules."""
