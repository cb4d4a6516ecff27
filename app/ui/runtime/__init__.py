"""The Qt runtime every front end stands on: the asyncio bridge, the QApplication, language, style, launch."""
