"""Worksheet logic for the ODR Guide: money, payment plans, deadlines, offers,
the settlement agreement and its documents.

The same code runs under CPython (tests, `build.py documents`) and under
Pyodide in the browser. It imports only the standard library at module level;
fpdf2 is imported inside the one function that draws the PDF, and browser-only
modules are never imported here.
"""
