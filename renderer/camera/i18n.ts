// The camera's own i18n namespace, added to the app's i18next instance. Face refusals in Chinese
// are the domain's FACE_MESSAGES, so the counter, the command line and the tests say the same words.
import { FACE_MESSAGES } from '../../domain/face';
import { i18n } from '../i18n';

export const CAMERA_NS = 'camera';

const zhCN = {
  loading: '正在加载人脸识别模型…',
  starting: '正在打开摄像头…',
  device: '摄像头',
  capture: '拍照',
  retake: '重新拍照',
  checking: '正在检测人脸…',
  captured: '已采集申请人人脸',
  noCamera: '未找到摄像头,请连接摄像头后重试',
  cameraDenied: '无法打开摄像头,请检查摄像头是否被其他程序占用或未获授权',
  wayOn: '可从文件选择申请人的照片(正面、仅一人),或先点击“下一步”继续受理:人脸留待补采,提交前的检查会列出这一项。',
  fromFile: '从文件选择照片',
  modelFailed: FACE_MESSAGES.ENGINE_FAILED,
  errors: { ...FACE_MESSAGES },
};

const en: typeof zhCN = {
  loading: 'Loading the face recognition models…',
  starting: 'Opening the camera…',
  device: 'Camera',
  capture: 'Take photo',
  retake: 'Retake',
  checking: 'Looking for a face…',
  captured: "Applicant's face captured",
  noCamera: 'No camera found: connect a camera and try again',
  cameraDenied: 'The camera cannot be opened: it may be in use by another program or not permitted',
  wayOn: 'Choose a photo of the applicant from a file (frontal, one person only), or go on with "Next": the face stays to be captured and the check before submission lists it.',
  fromFile: 'Choose a photo file',
  modelFailed: 'The face recognition component failed to load; contact support',
  errors: {
    NO_FACE: 'No face found: please face the camera',
    MULTIPLE_FACES: 'More than one face in the picture: only the applicant may be in view',
    LOW_QUALITY: 'The face is unclear or too far away: come closer, face the lens, keep the light even',
    BAD_IMAGE: 'The picture cannot be read',
    BAD_DESCRIPTOR: 'Invalid face data',
    ENGINE_FAILED: 'The face recognition component failed to load; contact support',
  },
};

if (!i18n.hasResourceBundle('zh-CN', CAMERA_NS)) {
  i18n.addResourceBundle('zh-CN', CAMERA_NS, zhCN);
  i18n.addResourceBundle('en', CAMERA_NS, en);
}
