import { useEffect, useRef, useState } from 'react';
import videojs from 'video.js';
import 'video.js/dist/video-js.css';

type VideoJsPlayer = ReturnType<typeof videojs>;

/**
 * Mounts a video.js player into `host` and hands back its <video> element. The element is created here rather
 * than by React because video.js moves it and removes it on dispose, which React must not see (strict-mode double
 * mounts would otherwise reuse a disposed element).
 */
export function useVideoJs(src: string): {
  hostRef: React.RefObject<HTMLDivElement | null>;
  video: HTMLVideoElement | null;
} {
  const hostRef = useRef<HTMLDivElement | null>(null);
  const [video, setVideo] = useState<HTMLVideoElement | null>(null);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return undefined;
    const element = document.createElement('video');
    element.className = 'video-js osea-player__video';
    element.setAttribute('playsinline', '');
    element.preload = 'auto';
    // Review is visual; autoplay policies also block unmuted play() without a gesture in tests.
    element.muted = true;
    host.appendChild(element);
    const player: VideoJsPlayer = videojs(element, {
      controls: true,
      bigPlayButton: false,
      fill: true,
      // Our own keys (DESIGN §8) and click-to-pan replace video.js' hotkeys and click-to-play.
      userActions: { click: false, doubleClick: false, hotkeys: false },
      controlBar: { children: ['playToggle', 'progressControl', 'volumePanel'] },
      html5: { nativeTextTracks: false },
    });
    player.src({ src, type: 'video/mp4' });
    const media = player.el().querySelector('video');
    setVideo(media);
    return () => {
      setVideo(null);
      player.dispose();
    };
  }, [src]);

  return { hostRef, video };
}
