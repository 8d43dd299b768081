"""Claim Workbench — the Streamlit entry point."""
import streamlit as st

st.title("Claim Workbench")
